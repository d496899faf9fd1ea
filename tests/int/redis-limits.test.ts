import { describe, expect, it } from '@jest/globals'

import {
  createLoginThrottle,
  FORGET_AFTER_MS,
  memoryThrottleStore,
} from '@/lib/auth/login-throttle'
import { createMemoryRateLimiter, createRateLimiter, type RateLimit } from '@/lib/rate-limit'
import { redisThrottleStore } from '@/lib/redis/login-throttle-store'
import { createRedisRateLimiter } from '@/lib/redis/rate-limit'

import { redisForThisFile } from './helpers/redis'

/*
 * Rate limits and login delays shared through Redis: two connections are two app instances,
 * and a limit holds however the requests are spread between them.
 */

const redisFile = redisForThisFile()
const connect = () => redisFile.connect()

let n = 0
const rule = (limit: number, windowMs: number): RateLimit => ({
  name: `test-${++n}`,
  limit,
  windowMs,
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('shared rate limits (two instances)', () => {
  it('holds the booking limit (5 per 10 minutes) across instances, with the wait of the oldest request', async () => {
    const booking = rule(5, 10 * 60 * 1000)
    const a = createRedisRateLimiter(connect(), booking, createMemoryRateLimiter(booking))
    const b = createRedisRateLimiter(connect(), booking, createMemoryRateLimiter(booking))
    const results = []
    for (const limiter of [a, b, a, b, a, b, a]) results.push(await limiter.check('203.0.113.7'))
    expect(results).toEqual([
      { allowed: true, retryAfterSeconds: 0, remaining: 4 },
      { allowed: true, retryAfterSeconds: 0, remaining: 3 },
      { allowed: true, retryAfterSeconds: 0, remaining: 2 },
      { allowed: true, retryAfterSeconds: 0, remaining: 1 },
      { allowed: true, retryAfterSeconds: 0, remaining: 0 },
      { allowed: false, retryAfterSeconds: 600, remaining: 0 },
      { allowed: false, retryAfterSeconds: 600, remaining: 0 },
    ])
    // Other addresses and other limits keep their own counts.
    expect(await b.check('203.0.113.8')).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      remaining: 4,
    })
    const login = rule(30, 15 * 60 * 1000)
    expect(
      await createRedisRateLimiter(connect(), login, createMemoryRateLimiter(login)).check(
        '203.0.113.7',
      ),
    ).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      remaining: 29,
    })
  })

  it('frees a slot one window after it was used (sliding window), whichever instance used it', async () => {
    const short = rule(2, 1_000)
    const a = createRedisRateLimiter(connect(), short, createMemoryRateLimiter(short))
    const b = createRedisRateLimiter(connect(), short, createMemoryRateLimiter(short))
    expect((await a.check('x')).allowed).toBe(true)
    await sleep(400)
    expect((await b.check('x')).allowed).toBe(true)
    expect(await a.check('x')).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 })
    await sleep(700) // the first slot has left the window, the second has not
    expect(await b.check('x')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 })
    expect((await a.check('x')).allowed).toBe(false)
    // The key expires with its window: nothing is left behind in Redis.
    const key = `clinica:limit:${short.name}:x`
    expect(await redisFile.raw.pTTL(key)).toBeGreaterThan(0)
    expect(await redisFile.raw.pTTL(key)).toBeLessThanOrEqual(1_000)
  })

  it('createRateLimiter shares through the connection it is given, and counts per process without one', async () => {
    const limit = rule(1, 60_000)
    const [a, b] = [connect(), connect()]
    const sharedA = createRateLimiter(limit, () => a)
    const sharedB = createRateLimiter(limit, () => b)
    expect((await sharedA.check('k')).allowed).toBe(true)
    expect(await sharedB.check('k')).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      remaining: 0,
    })

    const alone = rule(1, 60_000)
    const localA = createRateLimiter(alone, () => undefined)
    const localB = createRateLimiter(alone, () => undefined)
    expect((await localA.check('k')).allowed).toBe(true)
    expect((await localB.check('k')).allowed).toBe(true)
    expect((await localA.check('k')).allowed).toBe(false)
    expect(await redisFile.raw.exists(`clinica:limit:${alone.name}:k`)).toBe(0)
  })
})

describe('shared login delays (two instances)', () => {
  const instance = () => createLoginThrottle(redisThrottleStore(connect(), memoryThrottleStore()))

  it('slows down failures on one account from one address whichever instance they reach', async () => {
    const a = instance()
    const b = instance()
    const account = 'Admin@Example.com'
    expect(await a.attempt(account, '198.51.100.1')).toBe(0)
    expect(await b.attempt(account, '198.51.100.1')).toBe(0)
    expect(await a.attempt(account, '198.51.100.1')).toBe(0)
    // Three failures so far: the fourth attempt waits 2 s, on either instance.
    const wait = await b.attempt('admin@example.com', '198.51.100.1')
    expect(wait).toBeGreaterThan(1_900)
    expect(wait).toBeLessThanOrEqual(2_000)
    // Another address is not affected.
    expect(await a.attempt(account, '198.51.100.2')).toBe(0)

    const delays = await b.delays(account)
    expect(
      delays
        .map(({ address, failures, waiting }) => ({ address, failures, waiting }))
        .sort((x, y) => x.address.localeCompare(y.address)),
    ).toEqual([
      { address: '198.51.100.1', failures: 3, waiting: true },
      { address: '198.51.100.2', failures: 1, waiting: false },
    ])
    // Forgotten a day after the last failure.
    const ttl = await redisFile.raw.pTTL('clinica:login-failures:admin@example.com')
    expect(ttl).toBeGreaterThan(FORGET_AFTER_MS - 60_000)
    expect(ttl).toBeLessThanOrEqual(FORGET_AFTER_MS)

    // A successful login on A clears that address for B; an admin's clear on B clears all.
    await a.succeeded(account, '198.51.100.1')
    expect((await b.delays(account)).map((delay) => delay.address)).toEqual(['198.51.100.2'])
    await b.clear(account)
    expect(await a.delays(account)).toEqual([])
    expect(await redisFile.raw.exists('clinica:login-failures:admin@example.com')).toBe(0)
  })
})
