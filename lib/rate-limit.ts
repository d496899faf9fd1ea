import { sharedRedis, type RedisConnection } from '@/lib/redis'
import { createRedisRateLimiter } from '@/lib/redis/rate-limit'

/**
 * Sliding-window rate limits: at most `limit` requests per key in any window of `windowMs`.
 *
 * `createRateLimiter` gives the limiter the rest of the code uses: shared by every app instance
 * through Redis when it is configured (lib/redis), so the limit holds however requests are
 * spread; this process's own otherwise, and whenever Redis cannot be reached (each instance then
 * counts on its own until it is back).
 */

export type RateLimitResult = {
  allowed: boolean
  /** Seconds until the next request from this key will be allowed (0 when allowed). */
  retryAfterSeconds: number
  /** Requests left in the current window after this one. */
  remaining: number
}

export type RateLimiter = {
  /** Counts one request for `key` and says whether it may go ahead. */
  check: (key: string) => Promise<RateLimitResult>
}

export type MemoryRateLimiter = RateLimiter & {
  /** Number of keys currently remembered (for tests and monitoring). */
  size: () => number
  /** Forgets every key. */
  clear: () => void
}

/** A named limit: the name keeps its counts apart from other limits' in a shared store. */
export type RateLimit = { name: string; limit: number; windowMs: number }

export type RateLimiterOptions = {
  /** Requests allowed per key in any window of `windowMs`. */
  limit: number
  windowMs: number
  /** Clock, injectable for tests. */
  now?: () => number
  /** Upper bound of remembered keys; the least recently seen are dropped beyond it. */
  maxKeys?: number
}

/** Booking form: at most 5 requests per IP address every 10 minutes. */
export const BOOKING_RATE_LIMIT = { name: 'booking', limit: 5, windowMs: 10 * 60 * 1000 } as const

/**
 * Login: 30 attempts per IP every 15 minutes, against one address trying many accounts
 * (failures on one account are slowed down by lib/auth/login-throttle.ts); generous enough for
 * an office behind one IP address.
 */
export const LOGIN_RATE_LIMIT = { name: 'login', limit: 30, windowMs: 15 * 60 * 1000 } as const

/** Password reset e-mails: 5 per IP every hour. */
export const FORGOT_PASSWORD_RATE_LIMIT = {
  name: 'forgot-password',
  limit: 5,
  windowMs: 60 * 60 * 1000,
} as const

export const DEFAULT_MAX_KEYS = 10_000

/**
 * The limiter for `rule`: in Redis when this process shares its state (see lib/redis), with
 * this process's limiter as the fallback; this process's alone otherwise. Chosen at the first
 * request, so creating one at module load (a route's top level) needs no configuration yet.
 */
export function createRateLimiter(
  rule: RateLimit,
  redis: () => RedisConnection | undefined = sharedRedis,
): RateLimiter {
  let chosen: RateLimiter | undefined
  const choose = () => {
    const local = createMemoryRateLimiter(rule)
    const connection = redis()
    return connection ? createRedisRateLimiter(connection, rule, local) : local
  }
  return { check: (key) => (chosen ??= choose()).check(key) }
}

/** This process's limiter, in memory: a restart forgets everything. */
export function createMemoryRateLimiter({
  limit,
  windowMs,
  now = Date.now,
  maxKeys = DEFAULT_MAX_KEYS,
}: RateLimiterOptions): MemoryRateLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer')
  if (!(windowMs > 0)) throw new Error('windowMs must be positive')
  if (!Number.isInteger(maxKeys) || maxKeys < 1)
    throw new Error('maxKeys must be a positive integer')

  // Timestamps of the allowed requests in the current window, oldest first, at most `limit`.
  // Map order doubles as "least recently seen first": keys are re-inserted on every hit.
  const hits = new Map<string, number[]>()
  let nextSweepAt = now() + windowMs

  const sweep = (time: number) => {
    for (const [key, stamps] of hits) {
      const newest = stamps[stamps.length - 1]
      if (newest === undefined || newest <= time - windowMs) hits.delete(key)
    }
    nextSweepAt = time + windowMs
  }

  const check = (key: string): RateLimitResult => {
    const time = now()
    if (time >= nextSweepAt) sweep(time)

    const stamps = (hits.get(key) ?? []).filter((stamp) => stamp > time - windowMs)
    hits.delete(key)

    if (stamps.length >= limit) {
      hits.set(key, stamps)
      const oldest = stamps[0] ?? time
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - time) / 1000)),
        remaining: 0,
      }
    }

    stamps.push(time)
    // Least recently seen first: expired keys go before live ones.
    while (hits.size >= maxKeys) {
      const leastRecent = hits.keys().next().value
      if (leastRecent === undefined) break
      hits.delete(leastRecent)
    }
    hits.set(key, stamps)
    return { allowed: true, retryAfterSeconds: 0, remaining: limit - stamps.length }
  }

  return {
    check: async (key) => check(key),
    size: () => hits.size,
    clear: () => hits.clear(),
  }
}

const MAX_IP_LENGTH = 100

/**
 * The client's address: the first `X-Forwarded-For` entry, which the server itself wrote from
 * the connection and the trusted proxies (instrumentation.ts installs lib/client-ip.ts, which
 * replaces whatever the client sent). 'unknown' when absent (outside the server).
 */
export function getClientIp(headers: Pick<Headers, 'get'>): string {
  const ip = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return ip ? ip.slice(0, MAX_IP_LENGTH) : 'unknown'
}
