import Link from 'next/link'

/** Previous / next links with the current position, for paginated listings. */
export function Pagination({
  page,
  totalPages,
  pathFor,
}: {
  page: number
  totalPages: number
  pathFor: (page: number) => string
}) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagine" className="pagination">
      {page > 1 ? (
        <Link href={pathFor(page - 1)} rel="prev">
          ← Articoli più recenti
        </Link>
      ) : (
        <span />
      )}
      <span>
        Pagina {page} di {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={pathFor(page + 1)} rel="next">
          Articoli precedenti →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
