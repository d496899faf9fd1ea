import { randomUUID } from 'node:crypto'

import type { RateLimit, RateLimiter, RateLimitResult } from '@/lib/rate-limit'

import { REDIS_PREFIX, type RedisConnection } from './connection.js'

/**
 * The sliding window of lib/rate-limit.ts in one sorted set per key (a member per allowed
 * request, scored by Redis's clock), checked and updated atomically: every instance counts
 * against the same window. Same answers as the in-memory limiter: at most `limit` requests in
 * any `windowMs`, and a refused request waits until the oldest counted one leaves the window.
 *
 * KEYS: the key's set. ARGV: limit, window ms, a unique member id.
 * Returns { allowed (1/0), ms until a slot frees, requests left }.
 */
const SLIDING_WINDOW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return { 0, tonumber(oldest[2]) + window - now, 0 }
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return { 1, 0, limit - count - 1 }`

/**
 * A limiter shared through Redis; `fallback` (this process's limiter) answers while Redis
 * cannot be reached.
 */
export function createRedisRateLimiter(
  redis: RedisConnection,
  { name, limit, windowMs }: RateLimit,
  fallback: RateLimiter,
): RateLimiter {
  return {
    check: (key) =>
      redis.run(
        `${name} limit`,
        async (client): Promise<RateLimitResult> => {
          const [allowed, waitMs, remaining] = (await client.eval(SLIDING_WINDOW, {
            keys: [`${REDIS_PREFIX}limit:${name}:${key}`],
            arguments: [String(limit), String(windowMs), randomUUID()],
          })) as [number, number, number]
          return allowed === 1
            ? { allowed: true, retryAfterSeconds: 0, remaining }
            : {
                allowed: false,
                retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
                remaining: 0,
              }
        },
        () => fallback.check(key),
      ),
  }
}
