import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { SearchForm } from '@/components/search/SearchForm'
import { SearchResults } from '@/components/search/SearchResults'
import { searchPublishedPosts } from '@/lib/queries/search'
import { SEARCH_PAGE_NOT_FOUND, searchPageTitle } from '@/lib/search/messages'
import { parseSearchPage, parseSearchQuery, searchFormValue } from '@/lib/search/query'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams
  const query = parseSearchQuery(params.q)
  const page = parseSearchPage(params.pagina)
  if (page.kind === 'invalid')
    return { title: SEARCH_PAGE_NOT_FOUND.title, robots: { index: false } }
  return {
    title: searchPageTitle(query.kind === 'ok' ? query.q : undefined, page.page),
    description: 'Cerca tra gli articoli del blog su piede e caviglia della clinica.',
    alternates: { canonical: '/cerca' },
    // Result pages are endless variations of the same content: kept out of search engines.
    robots: { index: false, follow: true },
  }
}

/**
 * Site search: a server-rendered page driven by a plain GET form, no client JavaScript.
 * `/cerca?q=<testo>&pagina=<n>`. An empty query, one over 200 characters or one with no word
 * to search for gets an explanation and no work; a `pagina` that is not a page number, or past
 * the last page of results, answers 404 with the search's own not-found page (./not-found.tsx).
 * The per-address limit runs before this page, in proxy.ts.
 */
export default async function SearchPage({ searchParams }: Props) {
  const { q, pagina } = await searchParams
  const query = parseSearchQuery(q)
  const page = parseSearchPage(pagina)
  if (page.kind === 'invalid') notFound()
  const outcome = query.kind === 'ok' ? await searchPublishedPosts(query.terms, page.page) : null
  // The first page always exists (it says "nothing found"); later ones only within the results.
  if (outcome && page.page > 1 && page.page > outcome.pageCount) notFound()
  return (
    <>
      <h1>Cerca nel blog</h1>
      <SearchForm defaultValue={searchFormValue(q)} ariaLabel="Cerca nel blog" />
      <SearchResults query={query} outcome={outcome} />
    </>
  )
}
