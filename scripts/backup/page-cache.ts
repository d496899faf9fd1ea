/**
 * After a restore, no page rendered from the replaced data may be served. The in-memory page
 * cache is empty at every start; the shared one in Redis (REDIS_URL) survives restarts, so every
 * entry in it is expired (lib/cache/redis-store.js, EVERY_PAGE_TAG).
 */
import { expireEveryPage } from '@/lib/cache/redis-store.js'
import { createRedisConnection } from '@/lib/redis/connection.js'

/** Expires every page cached in the Redis at `redisUrl`; false when it could not be reached. */
export async function resetPageCache(redisUrl: string): Promise<boolean> {
  const redis = createRedisConnection(redisUrl, { logger: { info: () => {}, error: () => {} } })
  try {
    return await expireEveryPage(redis)
  } finally {
    await redis.close()
  }
}
