import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { HeaderSearch } from '@/components/HeaderSearch'
import { SiteFooter } from '@/components/SiteFooter'
import { getEnv } from '@/lib/env'
import { clinicName } from '@/lib/clinic'
import { getClinic } from '@/lib/queries/clinic'

import './styles.css'

// Pages carry the cache tags of what they read (lib/queries) and are regenerated when a
// published change expires one of them (lib/revalidate.ts). This lifetime is only a safety net
// for changes made outside a running server (seed, import); CACHE_LIFETIME_SECONDS in
// lib/cache-tags.ts is the same value (Next needs a literal here).
export const revalidate = 600

export async function generateMetadata(): Promise<Metadata> {
  const name = clinicName(await getClinic())
  return {
    metadataBase: new URL(getEnv().siteUrl),
    title: { default: name, template: `%s | ${name}` },
    description: `Articoli medici su piede e caviglia scritti e revisionati dagli specialisti di ${name}.`,
    openGraph: { locale: 'it_IT', siteName: name, type: 'website' },
  }
}

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const clinic = await getClinic()
  const name = clinicName(clinic)
  return (
    <html lang="it">
      <body>
        <a className="skip-link" href="#contenuto">
          Vai al contenuto
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-header__brand">
              {name}
            </Link>
            <nav aria-label="Principale">
              <ul className="site-nav">
                <li>
                  <Link href="/blog">Articoli</Link>
                </li>
                <li>
                  <Link href="/prenota" prefetch={false}>
                    Prenota una visita
                  </Link>
                </li>
              </ul>
            </nav>
            <HeaderSearch />
          </div>
        </header>
        <main id="contenuto" className="container">
          {children}
        </main>
        <SiteFooter clinic={clinic} />
      </body>
    </html>
  )
}
