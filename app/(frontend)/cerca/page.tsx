import type { Metadata } from 'next'

import { SearchForm } from '@/components/search/SearchForm'
import { SearchResults } from '@/components/search/SearchResults'
import { searchPublishedPosts } from '@/lib/queries/search'
import { searchPageTitle } from '@/lib/search/messages'
import { parseSearchQuery, searchFormValue } from '@/lib/search/query'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseSearchQuery((await searchParams).q)
  return {
    title: searchPageTitle(query.kind === 'ok' ? query.q : undefined),
    description: 'Cerca tra gli articoli del blog su piede e caviglia della clinica.',
    alternates: { canonical: '/cerca' },
    // Result pages are endless variations of the same content: kept out of search engines.
    robots: { index: false, follow: true },
  }
}

/** Site search: a server-rendered page driven by a plain GET form, no client JavaScript. */
export default async function SearchPage({ searchParams }: Props) {
  const { q } = await searchParams
  const query = parseSearchQuery(q)
  const outcome = query.kind === 'ok' ? await searchPublishedPosts(query.terms) : null
  return (
    <>
      <h1>Cerca nel blog</h1>
      <SearchForm defaultValue={searchFormValue(q)} ariaLabel="Cerca nel blog" />
      <SearchResults query={query} outcome={outcome} />
    </>
  )
}
