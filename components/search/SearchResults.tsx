import Link from 'next/link'

import { formatDateIt } from '@/lib/dates'
import { postPath } from '@/lib/paths'
import {
  EMPTY_QUERY_MESSAGE,
  NO_TERMS_MESSAGE,
  TOO_LONG_MESSAGE,
  resultsMessage,
} from '@/lib/search/messages'
import type { SearchQuery } from '@/lib/search/query'
import { PAGE_SIZE, type SearchOutcome, type SearchResult } from '@/lib/search/search'

import { SearchPagination } from './SearchPagination'
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
 * What the search page shows under the form: an invitation, a notice about the query (too
 * long, nothing to search for), or one page of results with their exact count announced in a
 * polite live region, and links to the other pages.
 */
export function SearchResults({
  query,
  outcome,
}: {
  query: SearchQuery
  outcome: SearchOutcome | null
}) {
  if (query.kind === 'empty') return <p className={styles.intro}>{EMPTY_QUERY_MESSAGE}</p>
  if (query.kind !== 'ok' || !outcome) {
    return (
      <p role="status" aria-live="polite" className={styles.status}>
        {query.kind === 'too-long' ? TOO_LONG_MESSAGE : NO_TERMS_MESSAGE}
      </p>
    )
  }
  return (
    <>
      <p role="status" aria-live="polite" className={styles.status}>
        {resultsMessage(outcome.total, query.q)}
      </p>
      {outcome.results.length > 0 ? (
        <ol className={styles.results} start={(outcome.page - 1) * PAGE_SIZE + 1}>
          {outcome.results.map((result) => (
            <ResultItem key={result.id} result={result} />
          ))}
        </ol>
      ) : null}
      <SearchPagination q={query.q} page={outcome.page} pageCount={outcome.pageCount} />
    </>
  )
}
