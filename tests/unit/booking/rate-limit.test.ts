import { describe, expect, it } from '@jest/globals'

import { BOOKING_RATE_LIMIT, createMemoryRateLimiter, getClientIp } from '@/lib/rate-limit'

const fakeClock = (start = 1_000_000) => {
  let time = start
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('createMemoryRateLimiter (this process)', () => {
  it('allows `limit` requests per key, then refuses with the time to wait', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({ limit: 3, windowMs: 60_000, now: clock.now })

    expect(await limiter.check('a')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 2 })
    clock.advance(10_000)
    expect((await limiter.check('a')).remaining).toBe(1)
    expect((await limiter.check('a')).remaining).toBe(0)
    expect(await limiter.check('a')).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
      remaining: 0,
    })
    // Other keys have their own budget.
    expect((await limiter.check('b')).allowed).toBe(true)
  })

  it('rounds the wait up to whole seconds and never answers 0 when refusing', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 1_000, now: clock.now })
    await limiter.check('a')
    clock.advance(999)
    expect(await limiter.check('a')).toMatchObject({ allowed: false, retryAfterSeconds: 1 })
    clock.advance(1)
    expect((await limiter.check('a')).allowed).toBe(true)
  })

  it('frees each slot one window after it was used (sliding window)', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now })
    await limiter.check('a') // t = 0
    clock.advance(30_000)
    await limiter.check('a') // t = 30 s
    expect(await limiter.check('a')).toMatchObject({ allowed: false, retryAfterSeconds: 30 })

    clock.advance(30_000) // the first slot expires
    expect((await limiter.check('a')).allowed).toBe(true)
    expect(await limiter.check('a')).toMatchObject({ allowed: false, retryAfterSeconds: 30 })

    clock.advance(60_000) // the whole window has passed
    expect(await limiter.check('a')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 })
  })

  it('does not extend the wait for refused requests', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 10_000, now: clock.now })
    await limiter.check('a')
    for (let i = 0; i < 5; i += 1) {
      clock.advance(1_000)
      expect((await limiter.check('a')).allowed).toBe(false)
    }
    clock.advance(5_000)
    expect((await limiter.check('a')).allowed).toBe(true)
  })

  it('forgets expired keys', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({ limit: 5, windowMs: 60_000, now: clock.now })
    for (let i = 0; i < 100; i += 1) await limiter.check(`10.0.0.${i}`)
    expect(limiter.size()).toBe(100)

    clock.advance(60_000)
    await limiter.check('fresh')
    expect(limiter.size()).toBe(1)
  })

  it('never remembers more than maxKeys, dropping the least recently seen', async () => {
    const clock = fakeClock()
    const limiter = createMemoryRateLimiter({
      limit: 1,
      windowMs: 60_000,
      now: clock.now,
      maxKeys: 3,
    })
    await limiter.check('a')
    await limiter.check('b')
    await limiter.check('c')
    expect((await limiter.check('a')).allowed).toBe(false) // 'a' is now the most recently seen
    await limiter.check('d') // evicts 'b'
    expect(limiter.size()).toBe(3)
    expect((await limiter.check('a')).allowed).toBe(false)
    expect((await limiter.check('b')).allowed).toBe(true)
  })

  it('rejects nonsensical options', () => {
    expect(() => createMemoryRateLimiter({ limit: 0, windowMs: 1_000 })).toThrow()
    expect(() => createMemoryRateLimiter({ limit: 1, windowMs: 0 })).toThrow()
  })

  it('defaults to 5 booking requests per 10 minutes', () => {
    expect(BOOKING_RATE_LIMIT).toEqual({ name: 'booking', limit: 5, windowMs: 600_000 })
  })
})

describe('getClientIp', () => {
  // The server's client-address guard (lib/client-ip.ts) has already replaced the header with
  // the one trusted address; X-Real-IP is a client's word and never read.
  it('takes the first X-Forwarded-For entry, else "unknown"', () => {
    expect(
      getClientIp(
        new Headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1', 'x-real-ip': '1.1.1.1' }),
      ),
    ).toBe('203.0.113.7')
    expect(getClientIp(new Headers({ 'x-real-ip': '2001:db8::1' }))).toBe('unknown')
    expect(getClientIp(new Headers({ 'x-forwarded-for': '' }))).toBe('unknown')
    expect(getClientIp(new Headers())).toBe('unknown')
  })
})
