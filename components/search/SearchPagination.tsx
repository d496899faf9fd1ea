import Link from 'next/link'

import { pagePositionMessage } from '@/lib/search/messages'
import { searchPageHref } from '@/lib/search/query'

/**
 * Previous / next links between pages of results (`/cerca?q=…&pagina=N`). Not prefetched: each
 * prefetch would be a search, counted by the per-address limit.
 */
export function SearchPagination({
  q,
  page,
  pageCount,
}: {
  q: string
  page: number
  pageCount: number
}) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label="Pagine dei risultati" className="pagination">
      {page > 1 ? (
        <Link href={searchPageHref(q, page - 1)} rel="prev" prefetch={false}>
          ← Risultati precedenti
        </Link>
      ) : (
        <span />
      )}
      <span>{pagePositionMessage(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={searchPageHref(q, page + 1)} rel="next" prefetch={false}>
          Risultati successivi →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
