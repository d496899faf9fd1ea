'use client'

import Link from 'next/link'

/** Shown when a page fails unexpectedly; details stay in the server log. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <section className="not-found">
      <h1>Si è verificato un errore</h1>
      <p>Non è stato possibile mostrare questa pagina. Riprova tra qualche istante.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Riprova
        </button>{' '}
        oppure <Link href="/">torna alla pagina iniziale</Link>.
      </p>
    </section>
  )
}
