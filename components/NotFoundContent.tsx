import Link from 'next/link'

/** The Italian "page not found" message with a way back, shared by both 404 pages. */
export function NotFoundContent() {
  return (
    <section className="not-found">
      <h1>Pagina non trovata</h1>
      <p>La pagina che cerchi non esiste o non è più disponibile.</p>
      <p>
        <Link href="/">Torna alla pagina iniziale</Link> per leggere gli articoli della clinica.
      </p>
    </section>
  )
}
