import { getEnv } from '@/lib/env'

import { processRedisConnection, type RedisConnection } from './connection.js'

export { REDIS_PREFIX } from './connection.js'
export type { RedisConnection } from './connection.js'

/**
 * The one place that decides whether this process shares its state with other instances:
 * Redis when `REDIS_URL` is set, nothing (this process alone, as with a single instance)
 * otherwise. The adapters (page cache, rate limits, login delays, redirects version, job lock)
 * take what this returns and fall back to their per-process form by themselves.
 */
export function sharedRedis(): RedisConnection | undefined {
  return processRedisConnection(getEnv().redisUrl)
}
