import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { brandCss, brandPalette } from '@/lib/brand/palette'
import { printOriginCss } from '@/lib/brand/print'
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
  return (
    <html lang="it">
      <head>
        {/* Brand colours (validated #rrggbb only) and the origin printed before site links. */}
        <style
          id="brand"
          dangerouslySetInnerHTML={{
            __html: brandCss(brandPalette(clinic.brandColor)) + printOriginCss(getEnv().siteUrl),
          }}
        />
      </head>
      <body>
        <a className="skip-link" href="#contenuto">
          Vai al contenuto
        </a>
        <SiteHeader clinic={clinic} />
        <main id="contenuto" className="container">
          {children}
        </main>
        <SiteFooter clinic={clinic} />
      </body>
    </html>
  )
}
