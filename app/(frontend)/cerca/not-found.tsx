import type { Metadata } from 'next'

import { SearchForm } from '@/components/search/SearchForm'
import { SEARCH_PAGE_NOT_FOUND } from '@/lib/search/messages'

export const metadata: Metadata = {
  title: SEARCH_PAGE_NOT_FOUND.title,
  robots: { index: false, follow: true },
}

/** 404 of /cerca: a `pagina` that is not a page number, or past the last page of results. */
export default function SearchNotFound() {
  return (
    <>
      <h1>{SEARCH_PAGE_NOT_FOUND.heading}</h1>
      <p>{SEARCH_PAGE_NOT_FOUND.text}</p>
      <SearchForm ariaLabel="Cerca nel blog" />
    </>
  )
}
