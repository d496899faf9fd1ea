import type { MetadataRoute } from 'next'

import { getEnv } from '@/lib/env'
import { getSitemapSources } from '@/lib/queries/discovery'
import { buildSitemap } from '@/lib/seo/sitemap'

// Cached like the pages and tagged with what it lists (posts, pages, categories, authors): a
// published, renamed or unpublished post expires it at once (lib/revalidate.ts).
export const revalidate = 600

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(getEnv().siteUrl, await getSitemapSources())
}
