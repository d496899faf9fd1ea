import type { MetadataRoute } from 'next'

import { getEnv } from '@/lib/env'
import { getSitemapChild, getSitemapIds } from '@/lib/queries/sitemap'
import { buildSitemap } from '@/lib/seo/sitemap'

// The child sitemaps, /sitemaps/sitemap/<id>.xml, listed by the index at /sitemap.xml
// (app/sitemap.xml/route.ts: Next serves the children but writes no index, and a root
// app/sitemap.ts would claim /sitemap.xml itself). Cached like the
// pages and tagged with what they list: a publish, rename or unpublish expires them at once.
export const revalidate = 600

export async function generateSitemaps() {
  return (await getSitemapIds()).map((id) => ({ id }))
}

export default async function sitemap({
  id,
}: {
  id: Promise<string>
}): Promise<MetadataRoute.Sitemap> {
  const sources = await getSitemapChild(Number(await id))
  return buildSitemap(getEnv().siteUrl, sources ?? [])
}
