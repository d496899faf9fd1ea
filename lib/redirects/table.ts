import { getEnv } from '@/lib/env'
import { safeHref } from '@/lib/richtext/safe-url'

import { externalHost, hostOf, isMalformedHttpUrl } from './external'
import { normalizeRedirectPath } from './rules'
import { redirectsVersion } from './version'

export type ServedRedirect = { to: string; status: 301 | 302 }

type RedirectDoc = {
  from: string
  type?: '301' | '302' | null
  externalApproved?: boolean | null
  to?: {
    type?: 'reference' | 'custom' | null
    url?: string | null
    reference?: { relationTo: 'posts' | 'pages'; value: string | { slug?: string | null } } | null
  } | null
}

/** Reloaded at least this often, for changes made by another server process. */
const MAX_AGE_MS = 30_000
/** A slow or stuck reload never holds pages up for longer than this. */
const LOAD_TIMEOUT_MS = 3_000

type Table = { version: number; loadedAt: number; rules: Map<string, ServedRedirect> }
let table: Table | undefined
let loading: Promise<Table> | undefined

/** Which targets on other sites may be served (see lib/redirects/external.ts). */
export type ExternalPolicy = {
  /** The site's own `host`s: targets there are not external. */
  siteHosts: readonly string[]
  /** The Clinic global's allowlist. */
  allowedHosts: readonly string[]
}

/**
 * Turns the public REST answer into a path → target map. Unpublished targets are skipped, and
 * so are targets on another site unless an admin saved them or their host is still allowed:
 * a redirect written around the redirect manager's checks, or whose host an admin has since
 * removed from the allowlist, is not served.
 */
export function buildRedirectTable(
  docs: RedirectDoc[],
  policy: ExternalPolicy,
): Map<string, ServedRedirect> {
  const rules = new Map<string, ServedRedirect>()
  for (const doc of docs) {
    const status = doc.type === '302' ? 302 : 301
    let to: string | null = null
    if (doc.to?.type === 'custom') {
      to = doc.to.url && !isMalformedHttpUrl(doc.to.url) ? safeHref(doc.to.url) : null
      const host = to ? externalHost(to, policy.siteHosts) : null
      if (host !== null && !doc.externalApproved && !policy.allowedHosts.includes(host)) to = null
    } else {
      const ref = doc.to?.reference
      // Anonymous reads leave unpublished documents unpopulated: nothing to redirect to.
      const slug = ref && typeof ref.value === 'object' ? ref.value.slug : null
      if (ref && slug) to = ref.relationTo === 'posts' ? `/blog/${slug}` : `/${slug}`
    }
    const from = normalizeRedirectPath(doc.from)
    if (to && to !== from) rules.set(from, { to, status })
  }
  return rules
}

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(LOAD_TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  return (await response.json()) as T
}

/** Pages of the public API's largest size (it refuses unbounded lists), in a stable order. */
const PAGE_SIZE = 100

async function loadRedirects(origin: string): Promise<RedirectDoc[]> {
  const docs: RedirectDoc[] = []
  for (let page = 1; ; page++) {
    const answer = await getJson<{ docs: RedirectDoc[]; hasNextPage?: boolean }>(
      `${origin}/api/redirects?depth=1&limit=${PAGE_SIZE}&page=${page}&sort=id`,
    )
    docs.push(...answer.docs)
    if (!answer.hasNextPage) return docs
  }
}

async function load(origin: string): Promise<Table> {
  const version = redirectsVersion()
  const [docs, allowedHosts] = await Promise.all([
    loadRedirects(origin),
    // Without the allowlist, only admin-approved external targets are served.
    getJson<{ redirectHosts?: { host?: string | null }[] | null }>(
      `${origin}/api/globals/clinic?depth=0&select[redirectHosts]=true`,
    ).then(
      (clinic) => (clinic.redirectHosts ?? []).flatMap((row) => (row.host ? [row.host] : [])),
      (error: unknown) => {
        console.error('Could not load the allowed redirect hosts', error)
        return []
      },
    ),
  ])
  const siteHosts = [hostOf(origin), hostOf(getEnv().siteUrl)]
  return {
    version,
    loadedAt: Date.now(),
    rules: buildRedirectTable(docs, { siteHosts, allowedHosts }),
  }
}

/**
 * The redirect for a request path, if any. The table is cached in memory and reloaded when
 * redirects change in this process (version stamp) or after MAX_AGE_MS. A failed reload keeps
 * the previous table: redirects must never take the site down.
 */
export async function findRedirect(
  pathname: string,
  origin: string,
): Promise<ServedRedirect | undefined> {
  const changedHere = !table || table.version !== redirectsVersion()
  const expired = table !== undefined && Date.now() - table.loadedAt > MAX_AGE_MS
  if (changedHere || expired) {
    loading ??= load(origin)
      .then((fresh) => (table = fresh))
      .catch((error: unknown) => {
        console.error('Could not load redirects', error)
        table = {
          version: redirectsVersion(),
          loadedAt: Date.now(),
          rules: table?.rules ?? new Map(),
        }
        return table
      })
      .finally(() => (loading = undefined))
    // A change made in this process must apply to the very next request; an expired table
    // (changes from another process) is refreshed in the background meanwhile.
    if (changedHere) await loading
  }
  return table?.rules.get(normalizeRedirectPath(pathname))
}
