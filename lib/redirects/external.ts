/**
 * Redirects to other sites (framework-free). A redirect target is external when it is an
 * absolute http(s) URL whose host is not the site's own. Editors may only send visitors to the
 * hosts in the Clinic global's allowlist; admins to any host. Both the redirect manager's
 * validation and the proxy's redirect table apply these rules.
 */

/** One label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
/** A DNS host name with at least one dot and a top-level domain that starts with a letter. */
const HOST_NAME = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`)

/** As the allowlist stores host names: trimmed, lower case, without a trailing dot. */
export const normalizeHostName = (raw: string) => raw.trim().toLowerCase().replace(/\.$/, '')

export const REDIRECT_HOST_INVALID =
  'Scrivi solo il nome del sito, ad esempio www.esempio.it (senza https://, porta o percorso).'

/** Payload `validate` for an allowlist entry. */
export const validateRedirectHost = (value: unknown): true | string =>
  typeof value === 'string' && HOST_NAME.test(normalizeHostName(value))
    ? true
    : REDIRECT_HOST_INVALID

const isAbsoluteHttp = (target: string) => /^https?:/i.test(target.trim())

/** An absolute http(s) target that no URL parser accepts: never stored, never served. */
export const isMalformedHttpUrl = (target: string) =>
  isAbsoluteHttp(target) && !URL.canParse(target.trim())

/**
 * The host name an absolute http(s) target leads to when it is not one of `siteHosts` (the
 * site's own `host`s, port included), else null. Site paths, mailto: and tel: are not other
 * sites. The URL is parsed as browsers do, so `https://clinica.it@altro.it` is `altro.it`.
 */
export function externalHost(target: string, siteHosts: readonly string[]): string | null {
  if (!isAbsoluteHttp(target) || !URL.canParse(target.trim())) return null
  const url = new URL(target.trim())
  if (siteHosts.includes(url.host)) return null
  return normalizeHostName(url.hostname)
}

/** The site's own `host` (name and port, as URL parses it) from an origin or URL. */
export const hostOf = (url: string) => new URL(url).host

export const externalRedirectRefused = (host: string) =>
  `Questo reindirizzamento porta a un altro sito (${host}): solo un amministratore può crearlo, ` +
  `oppure un amministratore può aggiungere ${host} ai siti esterni consentiti nella scheda Clinica.`
