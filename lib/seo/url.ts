/** Absolute URLs for search engines and feeds: the site URL is always passed in, never read here. */

/** `https://…` URLs are kept as they are; site-relative paths get the site URL in front. */
export function absoluteUrl(pathOrUrl: string, siteUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl
  return `${siteUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`
}

/** Trimmed text, or undefined when missing or blank: optional CMS fields are often `''`. */
export function filled(value: string | null | undefined): string | undefined {
  const text = value?.trim()
  return text ? text : undefined
}

/** Only absolute http(s) links are published as profile or social links. */
export const isHttpUrl = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value.trim())
