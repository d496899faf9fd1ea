import { safeHref } from '@/lib/richtext/safe-url'

import { normalizeRedirectPath } from './rules'
import { redirectsVersion } from './version'

export type ServedRedirect = { to: string; status: 301 | 302 }

type RedirectDoc = {
  from: string
  type?: '301' | '302' | null
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

/** Turns the public REST answer into a path → target map (unpublished targets are skipped). */
export function buildRedirectTable(docs: RedirectDoc[]): Map<string, ServedRedirect> {
  const rules = new Map<string, ServedRedirect>()
  for (const doc of docs) {
    const status = doc.type === '302' ? 302 : 301
    let to: string | null = null
    if (doc.to?.type === 'custom') {
      to = doc.to.url ? safeHref(doc.to.url) : null
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

async function load(origin: string): Promise<Table> {
  const version = redirectsVersion()
  const response = await fetch(`${origin}/api/redirects?depth=1&limit=0&pagination=false`, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    signal: AbortSignal.timeout(LOAD_TIMEOUT_MS),
  })
  if (!response.ok) throw new Error(`redirects: HTTP ${response.status}`)
  const { docs } = (await response.json()) as { docs: RedirectDoc[] }
  return { version, loadedAt: Date.now(), rules: buildRedirectTable(docs) }
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
