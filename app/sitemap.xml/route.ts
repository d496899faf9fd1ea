import { getEnv } from '@/lib/env'
import { getSitemapIds } from '@/lib/queries/sitemap'
import { childSitemapPath, sitemapIndexXml } from '@/lib/seo/sitemap'

// The sitemap index robots.txt points at: one child per 50,000 URLs (app/sitemaps/sitemap.ts). Cached
// and expired by tag like the children (lib/queries/sitemap.ts).
export const revalidate = 600

export async function GET() {
  const { siteUrl } = getEnv()
  const ids = await getSitemapIds()
  return new Response(sitemapIndexXml(ids.map((id) => `${siteUrl}${childSitemapPath(id)}`)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
}
