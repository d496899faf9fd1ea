/** Public URLs of the site, in one place. */
export const postPath = (slug: string) => `/blog/${slug}`
export const categoryPath = (slug: string) => `/categorie/${slug}`
export const authorPath = (slug: string) => `/autori/${slug}`

/**
 * Payload builds upload URLs from its serverURL; on our own pages they become site-relative,
 * so next/image treats them as local files whatever host the site is reached on.
 */
export function sitePath(url: string, siteUrl: string): string {
  return url.startsWith(`${siteUrl}/`) ? url.slice(siteUrl.length) : url
}
