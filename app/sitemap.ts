import type { MetadataRoute } from 'next'

import { getEnv } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'
import { loadSitemapSources } from '@/lib/queries/discovery'
import { buildSitemap } from '@/lib/seo/sitemap'

// Always fresh: a published, renamed or unpublished post must show up here at once.
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const sources = await loadSitemapSources(await getPayloadClient())
  return buildSitemap(getEnv().siteUrl, sources)
}
