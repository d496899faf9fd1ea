import type { Metadata } from 'next'

import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { getClinic } from '@/lib/queries/clinic'
import { buildPageMetadata } from '@/lib/seo/metadata'

type PageMetadataInput = Omit<Parameters<typeof buildPageMetadata>[0], 'siteUrl' | 'clinicName'>

/** `generateMetadata` for any public page: the SEO builder fed with the site URL and clinic. */
export async function pageMetadata(input: PageMetadataInput): Promise<Metadata> {
  const name = clinicName(await getClinic())
  const metadata = buildPageMetadata({ ...input, siteUrl: getEnv().siteUrl, clinicName: name })
  // A page's `alternates` replaces the layout's, so the feed link is added on every page here.
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${name}: articoli` }] },
    },
  }
}

export const NOT_FOUND_METADATA: Metadata = {
  title: 'Pagina non trovata',
  robots: { index: false, follow: true },
}
