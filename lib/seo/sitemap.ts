export type SitemapSource = {
  path: string
  updatedAt?: string | null
  lastReviewedAt?: string | null
  noindex?: boolean | null
}

export type SitemapEntry = { url: string; lastModified?: string }

/** The later of the last update and the last medical review, as an ISO date-time. */
export function lastModified(
  source: Pick<SitemapSource, 'updatedAt' | 'lastReviewedAt'>,
): string | undefined {
  const times = [source.updatedAt, source.lastReviewedAt]
    .map((value) => (value ? new Date(value).getTime() : Number.NaN))
    .filter((time) => !Number.isNaN(time))
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined
}

/** Absolute URLs of every indexable page; `noindex` pages are left out, duplicates dropped. */
export function buildSitemap(siteUrl: string, sources: SitemapSource[]): SitemapEntry[] {
  const seen = new Set<string>()
  const entries: SitemapEntry[] = []
  for (const source of sources) {
    if (source.noindex) continue
    const url = `${siteUrl}${source.path === '/' ? '/' : source.path}`
    if (seen.has(url)) continue
    seen.add(url)
    const modified = lastModified(source)
    entries.push(modified ? { url, lastModified: modified } : { url })
  }
  return entries
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A sitemap index (sitemaps.org protocol 0.9) listing the child sitemaps at `urls`. */
export function sitemapIndexXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `<sitemap>\n<loc>${escapeXml(url)}</loc>\n</sitemap>\n`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`
}

/**
 * Where child sitemap `id` is served: the `generateSitemaps` route of app/sitemaps/sitemap.ts
 * (a root app/sitemap.ts would claim /sitemap.xml, which the index needs).
 */
export const childSitemapPath = (id: number) => `/sitemaps/sitemap/${id}.xml`
