import {
  FORGET_AFTER_MS,
  type FailureRecord,
  type LoginThrottleStore,
} from '@/lib/auth/login-throttle'

import { REDIS_PREFIX, type RedisConnection } from './connection.js'

/**
 * Failed-login records in Redis, one hash per account (address → record), so the progressive
 * delays hold whichever instance a login reaches. A hash is forgotten FORGET_AFTER_MS after its
 * last failure, as the throttle would ignore it by then. `fallback` (this process's store)
 * answers while Redis cannot be reached.
 */
export function redisThrottleStore(
  redis: RedisConnection,
  fallback: LoginThrottleStore,
): LoginThrottleStore {
  const keyOf = (account: string) => `${REDIS_PREFIX}login-failures:${account}`
  const parse = (text: string | null | undefined): FailureRecord | undefined => {
    if (!text) return undefined
    const { failures, lastFailureAt } = JSON.parse(text) as Partial<FailureRecord>
    return typeof failures === 'number' && typeof lastFailureAt === 'number'
      ? { failures, lastFailureAt }
      : undefined
  }

  return {
    get: (account, address) =>
      redis.run(
        'login delays',
        async (client) => parse(await client.hGet(keyOf(account), address)),
        () => fallback.get(account, address),
      ),
    set: (account, address, record) =>
      redis.run(
        'login delays',
        async (client) => {
          await client
            .multi()
            .hSet(keyOf(account), address, JSON.stringify(record))
            .pExpire(keyOf(account), FORGET_AFTER_MS)
            .exec()
        },
        () => fallback.set(account, address, record),
      ),
    list: (account) =>
      redis.run(
        'login delays',
        async (client) =>
          Object.entries(await client.hGetAll(keyOf(account))).flatMap(([address, text]) => {
            const record = parse(text)
            return record ? [{ address, ...record }] : []
          }),
        () => fallback.list(account),
      ),
    clear: (account, address) =>
      redis.run(
        'login delays',
        async (client) => {
          if (address === undefined) await client.del(keyOf(account))
          else await client.hDel(keyOf(account), address)
        },
        () => fallback.clear(account, address),
      ),
  }
}
