import { authorPath } from '@/lib/paths'

/**
 * Stable `@id`s: every page's graph points at the same site-wide nodes (website, clinic,
 * authors), so search engines merge them into one entity each.
 */
export const jsonLdId = {
  website: (siteUrl: string) => `${siteUrl}/#website`,
  clinic: (siteUrl: string) => `${siteUrl}/#clinic`,
  person: (siteUrl: string, authorSlug: string) => `${siteUrl}${authorPath(authorSlug)}#person`,
  webpage: (pageUrl: string) => `${pageUrl}#webpage`,
  article: (pageUrl: string) => `${pageUrl}#article`,
  breadcrumb: (pageUrl: string) => `${pageUrl}#breadcrumb`,
  faq: (pageUrl: string) => `${pageUrl}#faq`,
  condition: (pageUrl: string) => `${pageUrl}#condition`,
  procedure: (pageUrl: string) => `${pageUrl}#procedure`,
} as const
