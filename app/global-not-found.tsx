import type { Metadata } from 'next'

import { NotFoundContent } from '@/components/NotFoundContent'

import './(frontend)/styles.css'

// Unmatched URLs skip every layout (the site and the admin have separate root layouts).
export const metadata: Metadata = { title: 'Pagina non trovata', robots: { index: false } }

export default function GlobalNotFound() {
  return (
    <html lang="it">
      <body>
        <main id="contenuto" className="container">
          <NotFoundContent />
        </main>
      </body>
    </html>
  )
}
