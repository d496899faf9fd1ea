import Link from 'next/link'

import { formatDateIt } from '@/lib/dates'
import { postPath } from '@/lib/paths'
import { EMPTY_QUERY_MESSAGE, TOO_LONG_MESSAGE, resultsMessage } from '@/lib/search/messages'
import type { SearchQuery } from '@/lib/search/query'
import type { SearchOutcome, SearchResult } from '@/lib/search/search'

import { Snippet } from './Snippet'
import styles from './search.module.css'

function ResultItem({ result }: { result: SearchResult }) {
  const published = formatDateIt(result.publishedAt)
  return (
    <li>
      <article className={styles.result}>
        <h2 className={styles.title}>
          <Link href={postPath(result.slug)}>{result.title}</Link>
        </h2>
        {published && result.publishedAt ? (
          <p className={styles.meta}>
            <time dateTime={result.publishedAt}>{published}</time>
          </p>
        ) : null}
        <Snippet segments={result.snippet} className={styles.snippet} />
      </article>
    </li>
  )
}

/**
 * What the search page shows under the form: an invitation, the "too long" notice, or the
 * results with their count announced in a polite live region.
 */
export function SearchResults({
  query,
  outcome,
}: {
  query: SearchQuery
  outcome: SearchOutcome | null
}) {
  if (query.kind === 'empty') return <p className={styles.intro}>{EMPTY_QUERY_MESSAGE}</p>

  const status =
    query.kind === 'too-long' ? TOO_LONG_MESSAGE : resultsMessage(outcome?.total ?? 0, query.q)
  const results = query.kind === 'ok' ? (outcome?.results ?? []) : []
  const hidden = (outcome?.total ?? 0) - results.length
  return (
    <>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      {results.length > 0 ? (
        <ol className={styles.results}>
          {results.map((result) => (
            <ResultItem key={result.id} result={result} />
          ))}
        </ol>
      ) : null}
      {query.kind === 'ok' && hidden > 0 ? (
        <p className={styles.note}>
          Sono mostrati i {results.length} risultati più pertinenti: aggiungi una parola per
          restringere la ricerca.
        </p>
      ) : null}
    </>
  )
}
