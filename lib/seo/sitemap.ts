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
