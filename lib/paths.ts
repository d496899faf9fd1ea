/** Public URLs of the site, in one place. */
export const postPath = (slug: string) => `/blog/${slug}`
/** Page `page` of a listing at `base`: page 1 is `base` itself, the others `base/pagina/<n>`. */
const pageOf = (base: string, page: number) => (page <= 1 ? base : `${base}/pagina/${page}`)
export const categoryPath = (slug: string, page = 1) => pageOf(`/categorie/${slug}`, page)
export const authorPath = (slug: string, page = 1) => pageOf(`/autori/${slug}`, page)
export const pagePath = (slug: string) => `/${slug}`
export const socialImagePath = (slug: string) => `/og/${slug}`
export const postPreviewPath = (id: string) => `/anteprima/articoli/${id}`
export const blogPath = (page = 1) => pageOf('/blog', page)

/** First path segments owned by the site's sections: pages cannot take them as slugs. */
export const RESERVED_PAGE_SLUGS = [
  'admin',
  'api',
  'anteprima',
  'autori',
  'blog',
  'categorie',
  'cerca',
  'feed-xml',
  'og',
  'prenota',
  'robots-txt',
  'sitemap-xml',
] as const

/**
 * Payload builds upload URLs from its serverURL; on our own pages they become site-relative,
 * so next/image treats them as local files whatever host the site is reached on.
 */
export function sitePath(url: string, siteUrl: string): string {
  return url.startsWith(`${siteUrl}/`) ? url.slice(siteUrl.length) : url
}

/** A `tel:` link for a phone number as people write it ("+39 02 1234 5678"). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`
