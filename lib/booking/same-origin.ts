/**
 * Cross-site request forgery guard for the booking endpoint: another site must not be able to
 * make a visitor's browser file appointment requests (in the visitor's name and from their IP,
 * using up their rate limit). Browsers say where a request comes from in headers that pages
 * cannot forge: `Sec-Fetch-Site` (every current browser) and `Origin` (sent on every POST).
 *
 * - `Sec-Fetch-Site: same-origin`: allowed; any other value (`cross-site`, `same-site`, `none`)
 *   is refused, whatever `Origin` says.
 * - Otherwise `Origin` must be the site's own origin (SITE_URL); `Origin: null` (sandboxed or
 *   privacy-redirected pages) is refused.
 * - Neither header: not a browser (curl, monitoring, the tests). Such a client can only send its
 *   own requests, which the per-IP limit and validation already govern, so it is allowed.
 */
export function isSameOriginRequest(headers: Headers, siteOrigin: string): boolean {
  const fetchSite = headers.get('sec-fetch-site')?.trim().toLowerCase()
  if (fetchSite) return fetchSite === 'same-origin'
  const origin = headers.get('origin')?.trim()
  if (origin === undefined || origin === '') return true
  return URL.canParse(origin) && new URL(origin).origin === new URL(siteOrigin).origin
}
