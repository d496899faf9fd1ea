import { randomUUID } from 'node:crypto'

import type { Lease, Lock } from '@/lib/jobs/lock'

import { REDIS_PREFIX, type RedisConnection } from './connection.js'

/** A holder that crashed frees the lock after this long. */
export const LOCK_TTL_MS = 30_000

/** Deletes the lock only if this holder's token is still in it (never someone else's lock). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

/** Extends the lock only while this holder still has it. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`

/**
 * A lock shared by every instance: `SET key token NX PX ttl`, a random token per holder,
 * renewed every third of its lifetime while held and released only by its holder. Redis
 * unreachable: nobody gets it (`acquire` answers null).
 */
export function createRedisLock(
  redis: RedisConnection,
  name: string,
  { ttlMs = LOCK_TTL_MS }: { ttlMs?: number } = {},
): Lock {
  const key = `${REDIS_PREFIX}lock:${name}`
  const what = `${name} lock`
  return {
    async acquire(): Promise<Lease | null> {
      const token = randomUUID()
      const taken = await redis.run(
        what,
        async (client) =>
          (await client.set(key, token, {
            condition: 'NX',
            expiration: { type: 'PX', value: ttlMs },
          })) === 'OK',
        () => false,
      )
      if (!taken) return null
      const renewal = setInterval(
        () =>
          void redis.run(
            what,
            (client) => client.eval(RENEW, { keys: [key], arguments: [token, String(ttlMs)] }),
            () => 0,
          ),
        Math.max(1, Math.floor(ttlMs / 3)),
      )
      renewal.unref()
      return {
        async release() {
          clearInterval(renewal)
          await redis.run(
            what,
            (client) => client.eval(RELEASE, { keys: [key], arguments: [token] }),
            () => 0,
          )
        },
      }
    },
  }
}
