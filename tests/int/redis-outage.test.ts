import { describe, expect, it } from '@jest/globals'

import { createLoginThrottle, memoryThrottleStore } from '@/lib/auth/login-throttle'
import { createRedisStore } from '@/lib/cache/redis-store.js'
import { createMemoryRateLimiter } from '@/lib/rate-limit'
import { describeRedisUrl, type RedisConnection } from '@/lib/redis/connection.js'
import { createRedisLock } from '@/lib/redis/lock'
import { redisThrottleStore } from '@/lib/redis/login-throttle-store'
import { createRedisRateLimiter } from '@/lib/redis/rate-limit'
import { redirectsVersion } from '@/lib/redirects/version'

import { redisForThisFile } from './helpers/redis'

/*
 * Redis going away while the app runs: every shared-state adapter falls back (cache misses,
 * per-process limits and delays, no job runs), nothing throws, one error is logged per outage,
 * and everything is shared again once Redis is back.
 */

const redisFile = redisForThisFile()
const logged = () => {
  const lines = { error: [] as string[], info: [] as string[] }
  return {
    lines,
    logger: {
      error: (message: string) => void lines.error.push(message),
      info: (message: string) => void lines.info.push(message),
    },
  }
}
const connect = (logger = logged().logger) => redisFile.connect(logger)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await sleep(50)
  }
}
/** Milliseconds `run` takes. */
const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = Date.now()
  const result = await run()
  return [result, Date.now() - start]
}

describe('Redis stopped while the app runs', () => {
  it('degrades every adapter, logs one error for the whole outage, and shares again once Redis is back', async () => {
    const { lines, logger } = logged()
    const connection = connect(logger)
    const cache = createRedisStore(connection, { buildId: 'outage' })
    const limit = { name: 'outage', limit: 2, windowMs: 60_000 }
    const limiter = createRedisRateLimiter(connection, limit, createMemoryRateLimiter(limit))
    const throttle = createLoginThrottle(redisThrottleStore(connection, memoryThrottleStore()))
    const lock = createRedisLock(connection, 'outage')

    await cache.set('/', { value: 'home', lastModified: Date.now(), tags: ['posts'] })
    expect((await cache.get('/'))?.value).toBe('home')
    expect(await limiter.check('ip')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 })
    for (let i = 0; i < 3; i++) await throttle.attempt('a@example.com', 'ip')
    expect((await redirectsVersion(connection)).shared).toBe('0')
    expect(lines).toEqual({ error: [], info: [] })

    await redisFile.redis.stop()

    // Pages: a miss (render fresh), at once; writes and revalidations are dropped without error.
    const [entry, readMs] = await timed(() => cache.get('/'))
    expect(entry).toBeUndefined()
    expect(readMs).toBeLessThan(500)
    await expect(
      cache.set('/', { value: 'x', lastModified: Date.now(), tags: [] }),
    ).resolves.toBeUndefined()
    await expect(cache.expireTags(['posts'], Date.now())).resolves.toBeUndefined()
    // Limits and delays: this process's own, counted from the outage on.
    expect(await limiter.check('ip')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 })
    expect(await limiter.check('ip')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 })
    expect(await limiter.check('ip')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      remaining: 0,
    })
    expect(await throttle.attempt('a@example.com', 'ip')).toBe(0)
    // Redirects: only this process's changes count; jobs: nobody runs the queue.
    expect((await redirectsVersion(connection)).shared).toBeNull()
    expect(await lock.acquire()).toBeNull()

    // Several failed reconnection attempts later, still one message.
    await sleep(2_500)
    expect(await cache.get('/')).toBeUndefined()
    expect(lines.error).toHaveLength(1)
    expect(lines.error[0]).toContain(
      `Redis unavailable at redis://127.0.0.1:${redisFile.redis.port}`,
    )
    expect(lines.error[0]).toContain('page cache misses, per-process limits')
    expect(lines.info).toEqual([])

    await redisFile.redis.restart()
    await until(() => lines.info.length > 0)
    expect(lines.info).toEqual([
      `Redis at redis://127.0.0.1:${redisFile.redis.port} is back: shared state restored.`,
    ])

    // Shared again (the restarted server is empty).
    await cache.set('/', { value: 'home again', lastModified: Date.now(), tags: ['posts'] })
    expect((await cache.get('/'))?.value).toBe('home again')
    expect(await limiter.check('ip')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 })
    const lease = await lock.acquire()
    expect(lease).not.toBeNull()
    await lease?.release()
    expect((await redirectsVersion(connection)).shared).toBe('0')
    expect(lines.error).toHaveLength(1)
  }, 30_000)

  it('a Redis that hangs holds a request for one second at most, then is left alone until it answers', async () => {
    const { lines, logger } = logged()
    const connection = connect(logger)
    const cache = createRedisStore(connection, { buildId: 'hang' })
    await cache.set('/blog', { value: 'blog', lastModified: Date.now(), tags: [] })

    redisFile.redis.pause()
    try {
      const [entry, firstMs] = await timed(() => cache.get('/blog'))
      expect(entry).toBeUndefined()
      expect(firstMs).toBeGreaterThanOrEqual(900)
      expect(firstMs).toBeLessThan(1_500)
      // Right after a timeout, requests do not wait on Redis at all.
      const [, nextMs] = await timed(() => cache.get('/blog'))
      expect(nextMs).toBeLessThan(100)
      expect(lines.error).toHaveLength(1)
      expect(lines.error[0]).toContain('page cache read: TimeoutError')
    } finally {
      redisFile.redis.resume()
    }
    await sleep(1_100)
    expect((await cache.get('/blog'))?.value).toBe('blog')
    expect(lines.info).toEqual([
      `Redis at redis://127.0.0.1:${redisFile.redis.port} is back: shared state restored.`,
    ])
  }, 30_000)

  it('expires in Redis, once it is back, the pages revalidated while it was away', async () => {
    const real = connect()
    const listeners: (() => void)[] = []
    let down = false
    // Instance A's connection, cut and restored by the test; B's stays up throughout.
    const flaky: RedisConnection = {
      ...real,
      run: (what, operation, fallback) =>
        down ? Promise.resolve(fallback()) : real.run(what, operation, fallback),
      onReconnect: (listener) => void listeners.push(listener),
    }
    const a = createRedisStore(flaky, { buildId: 'replay' })
    const b = createRedisStore(connect(), { buildId: 'replay' })
    await a.set('/blog/alluce', {
      value: 'old text',
      lastModified: Date.now(),
      tags: ['post:alluce'],
    })
    await sleep(2)

    down = true
    await a.expireTags(['post:alluce'], Date.now()) // a publish on A while A cannot reach Redis
    expect((await b.get('/blog/alluce'))?.value).toBe('old text')

    down = false
    listeners.forEach((listener) => listener())
    await sleep(50)
    expect(await b.get('/blog/alluce')).toBeUndefined()
  })
})

describe('describeRedisUrl', () => {
  it('names the server without its credentials', () => {
    expect(describeRedisUrl('redis://app:s3cret@redis.internal:6380/2')).toBe(
      'redis://redis.internal:6380/2',
    )
    expect(describeRedisUrl('rediss://:s3cret@cache.example.net')).toBe(
      'rediss://cache.example.net',
    )
  })
})
