import { getEnv } from '@/lib/env'
import { serverOrigin } from '@/lib/jobs/runner'
import { safeHref } from '@/lib/richtext/safe-url'

import { externalHost, hostOf, isMalformedHttpUrl } from './external'
import { normalizeRedirectPath } from './rules'
import { isOutdated, redirectsVersion, type RedirectsVersion } from './version'

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

/**
 * Reloaded at least this often: a safety net for changes no version stamp announced (made by a
 * script without Redis, or while Redis was away).
 */
const MAX_AGE_MS = 30_000
/**
 * A change is announced by the saving request's hooks, before its transaction commits: an
 * instance reloading at once may still read the old rows, so it reads them again this long after.
 */
const SETTLE_MS = 2_000
/** A slow or stuck reload never holds pages up for longer than this. */
const LOAD_TIMEOUT_MS = 3_000

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

/** The redirects and the allowlist of external hosts, as patients' requests would see them. */
export type RedirectSource = () => Promise<{ docs: RedirectDoc[]; policy: ExternalPolicy }>

/**
 * Reads the public REST API of the server itself, at its internal address (the loopback
 * interface and its own port): never through the public address, whose proxy, CDN or TLS may
 * be in the way or answer for another instance.
 */
export function restRedirectSource(origin: () => string = () => serverOrigin()): RedirectSource {
  return async () => {
    const base = origin()
    const [docs, allowedHosts] = await Promise.all([
      loadRedirects(base),
      // Without the allowlist, only admin-approved external targets are served.
      getJson<{ redirectHosts?: { host?: string | null }[] | null }>(
        `${base}/api/globals/clinic?depth=0&select[redirectHosts]=true`,
      ).then(
        (clinic) => (clinic.redirectHosts ?? []).flatMap((row) => (row.host ? [row.host] : [])),
        (error: unknown) => {
          console.error('Could not load the allowed redirect hosts', error)
          return []
        },
      ),
    ])
    return { docs, policy: { siteHosts: [hostOf(base), hostOf(getEnv().siteUrl)], allowedHosts } }
  }
}

export type RedirectTableOptions = {
  source: RedirectSource
  version?: () => Promise<RedirectsVersion>
  maxAgeMs?: number
  settleMs?: number
}

type Table = { version: RedirectsVersion; refreshAt: number; rules: Map<string, ServedRedirect> }

/**
 * The redirects of one server process, in memory. Reloaded when the version stamp says they
 * changed (here or, with Redis, on any instance), before answering that request, and once more
 * `settleMs` later; otherwise every `maxAgeMs`, in the background. A failed reload keeps the
 * previous table: redirects must never take the site down.
 */
export function createRedirectTable({
  source,
  version = () => redirectsVersion(),
  maxAgeMs = MAX_AGE_MS,
  settleMs = SETTLE_MS,
}: RedirectTableOptions) {
  let table: Table | undefined
  let loading: { stamp: RedirectsVersion; done: Promise<Table> } | undefined

  const load = (stamp: RedirectsVersion, nextInMs: number): Promise<Table> =>
    source()
      .then(({ docs, policy }) => {
        const rules = buildRedirectTable(docs, policy)
        table = { version: stamp, refreshAt: Date.now() + nextInMs, rules }
        return table
      })
      .catch((error: unknown) => {
        console.error('Could not load redirects', error)
        const rules = table?.rules ?? new Map<string, ServedRedirect>()
        table = { version: stamp, refreshAt: Date.now() + maxAgeMs, rules }
        return table
      })
      .finally(() => (loading = undefined))

  /** One load at a time; a load begun before the change this stamp announces does not count. */
  const reload = async (stamp: RedirectsVersion, nextInMs: number): Promise<Table> => {
    while (loading && isOutdated(loading.stamp, stamp)) await loading.done
    loading ??= { stamp, done: load(stamp, nextInMs) }
    return loading.done
  }

  return {
    async find(pathname: string): Promise<ServedRedirect | undefined> {
      // Read before loading: a change saved during the load makes the next request reload again.
      const stamp = await version()
      if (!table) await reload(stamp, maxAgeMs)
      else if (isOutdated(table.version, stamp)) await reload(stamp, Math.min(settleMs, maxAgeMs))
      else if (Date.now() >= table.refreshAt) void reload(stamp, maxAgeMs)
      return table?.rules.get(normalizeRedirectPath(pathname))
    },
  }
}

const TABLE = Symbol.for('clinica-blog.redirect-table')
const registry = globalThis as typeof globalThis & {
  [TABLE]?: ReturnType<typeof createRedirectTable>
}

/** The redirect for a request path, if any, from this process's table (used by proxy.ts). */
export function findRedirect(pathname: string): Promise<ServedRedirect | undefined> {
  registry[TABLE] ??= createRedirectTable({ source: restRedirectSource() })
  return registry[TABLE].find(pathname)
}
