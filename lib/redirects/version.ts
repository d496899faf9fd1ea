/**
 * A process-wide counter bumped whenever redirects change, so the proxy's in-memory table is
 * reloaded on the very next request. Kept on globalThis because the proxy and the API routes
 * are separate bundles running in the same server process; other processes (a second
 * instance) fall back to the proxy's time-based refresh.
 */
const KEY = Symbol.for('clinica.redirects.version')

type VersionHolder = { [KEY]?: number }

export const redirectsVersion = (): number => (globalThis as VersionHolder)[KEY] ?? 0

export function bumpRedirectsVersion(): void {
  ;(globalThis as VersionHolder)[KEY] = redirectsVersion() + 1
}
