import { REDIS_PREFIX, sharedRedis, type RedisConnection } from '@/lib/redis'

/**
 * When redirects last changed, so that the proxy's in-memory table (lib/redirects/table.ts) is
 * reloaded at the very next request after a change:
 * - `local`: a counter of this process, kept on globalThis because the proxy and the API routes
 *   are separate bundles running in the same server process;
 * - `shared`: with several instances (Redis configured, see lib/redis), a counter in Redis that
 *   every instance reads at each request, so a change saved on one is served by all at once.
 *   `null` when Redis cannot be read: only this process's changes count then, and the table's
 *   periodic reload catches up with the others.
 */
export type RedirectsVersion = { local: number; shared: string | null }

const KEY = Symbol.for('clinica.redirects.version')
const SHARED_KEY = `${REDIS_PREFIX}redirects:version`

type VersionHolder = { [KEY]?: number }

const localVersion = (): number => (globalThis as VersionHolder)[KEY] ?? 0

export async function redirectsVersion(
  redis: RedisConnection | undefined = sharedRedis(),
): Promise<RedirectsVersion> {
  const local = localVersion()
  const shared = redis
    ? await redis.run(
        'redirects version',
        async (client) => (await client.get(SHARED_KEY)) ?? '0',
        () => null,
      )
    : null
  return { local, shared }
}

/** Called whenever redirects (or the hosts they may lead to) change. */
export async function bumpRedirectsVersion(
  redis: RedisConnection | undefined = sharedRedis(),
): Promise<void> {
  // This process first, synchronously: its next request reloads even if Redis is slow or away.
  ;(globalThis as VersionHolder)[KEY] = localVersion() + 1
  await redis?.run(
    'redirects version',
    async (client) => {
      await client.incr(SHARED_KEY)
    },
    () => undefined,
  )
}

/** Whether a table loaded at version `loaded` is out of date at version `now`. */
export const isOutdated = (loaded: RedirectsVersion, now: RedirectsVersion): boolean =>
  loaded.local !== now.local || (now.shared !== null && now.shared !== loaded.shared)
