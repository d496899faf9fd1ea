// @ts-check
/**
 * The page cache's storage in Redis, shared by every app instance: a page rendered on one is
 * served by all, and a revalidation on one (a publish) expires it for all at once. Same
 * interface and rules as the memory store (memory-store.js): an entry is gone once one of its
 * tags was expired at or after it was stored.
 *
 * - Entries live under the build's id, so a new deploy never serves pages an older build
 *   rendered (and old builds' entries expire on their own after ENTRY_TTL_MS). `next build`
 *   itself never writes here (see lib/redis/connection.js, `openedRedisConnection`).
 * - Tag expiry times are shared by all builds: a publish on an instance of the old build, during
 *   a rolling deploy, also expires what the new build cached.
 * - Both stamps (stored, expired) come from Redis's clock, so instances whose clocks drift apart
 *   still agree on what came first.
 * - Redis unreachable: reads are misses (pages render fresh), writes are dropped, and tags
 *   expired meanwhile are expired in Redis as soon as it is back.
 */
import { REDIS_PREFIX } from '../redis/connection.js'
import { deserializeCacheValue, serializeCacheValue } from './serialize.js'

/** @typedef {import('./memory-store.js').PageCacheStore} PageCacheStore */
/** @typedef {import('./memory-store.js').StoredEntry} StoredEntry */
/** @typedef {import('../redis/connection.js').RedisConnection} RedisConnection */

/** Entries are dropped a day after they were stored (a page nobody asked for since). */
export const ENTRY_TTL_MS = 24 * 60 * 60 * 1000

/**
 * A tag every entry depends on: expiring it drops every page of every build at once. A database
 * restore does (scripts/backup), so that no page rendered from the replaced data is served.
 */
export const EVERY_PAGE_TAG = '_clinica:every-page'

const NOW_MS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`

/** KEYS: entry, tag times. ARGV: extra tags. The entry, unless one of its tags expired since. */
const GET_SCRIPT = `
local found = redis.call('HMGET', KEYS[1], 'lastModified', 'tags', 'body')
if not found[3] then return false end
local tags = cjson.decode(found[2])
for i = 1, #ARGV do tags[#tags + 1] = ARGV[i] end
if #tags > 0 then
  local storedAt = tonumber(found[1])
  local expiredAt = redis.call('HMGET', KEYS[2], unpack(tags))
  for i = 1, #expiredAt do
    if expiredAt[i] and tonumber(expiredAt[i]) >= storedAt then
      redis.call('DEL', KEYS[1])
      return false
    end
  end
end
return { found[1], found[2], found[3] }`

/** KEYS: entry. ARGV: tags (JSON), body, ttl ms. */
const SET_SCRIPT = `${NOW_MS}
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'lastModified', now, 'tags', ARGV[1], 'body', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return now`

/** KEYS: tag times. ARGV: ttl ms, then the tags. */
const EXPIRE_SCRIPT = `${NOW_MS}
for i = 2, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], now) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return now`

const TAGS_KEY = `${REDIS_PREFIX}page-cache:tags`

/**
 * Expires every cached page in Redis now (EVERY_PAGE_TAG); false when Redis could not be reached.
 * @param {RedisConnection} redis
 * @param {number} [entryTtlMs]
 * @returns {Promise<boolean>}
 */
export function expireEveryPage(redis, entryTtlMs = ENTRY_TTL_MS) {
  return redis.run(
    'page cache reset',
    async (client) => {
      await client.eval(EXPIRE_SCRIPT, {
        keys: [TAGS_KEY],
        arguments: [String(entryTtlMs), EVERY_PAGE_TAG],
      })
      return true
    },
    () => false,
  )
}

/**
 * @param {RedisConnection} redis
 * @param {{ buildId: string, entryTtlMs?: number }} options
 * @returns {PageCacheStore}
 */
export function createRedisStore(redis, { buildId, entryTtlMs = ENTRY_TTL_MS }) {
  /** @param {string} key */
  const entryKey = (key) => `${REDIS_PREFIX}page-cache:${buildId}:${key}`
  // Tag times outlive every entry stored before them (each expiry renews the hash's lifetime).
  const tagsKey = TAGS_KEY
  /** Tags revalidated while Redis was unreachable, expired there as soon as it is back. */
  const pendingTags = new Set(/** @type {string[]} */ ([]))

  /** @param {readonly string[]} tags */
  const expire = (tags) =>
    redis.run(
      'page cache revalidation',
      async (client) => {
        await client.eval(EXPIRE_SCRIPT, {
          keys: [tagsKey],
          arguments: [String(entryTtlMs), ...tags],
        })
        return true
      },
      () => false,
    )

  const flushPending = async () => {
    if (pendingTags.size === 0) return
    const tags = [...pendingTags]
    pendingTags.clear()
    if (!(await expire(tags))) for (const tag of tags) pendingTags.add(tag)
  }
  redis.onReconnect(() => void flushPending())

  return {
    async get(key, extraTags = []) {
      await flushPending()
      return redis.run(
        'page cache read',
        async (client) => {
          const found = await client.eval(GET_SCRIPT, {
            keys: [entryKey(key), tagsKey],
            arguments: [...extraTags, EVERY_PAGE_TAG],
          })
          if (!Array.isArray(found)) return undefined
          const [lastModified, tags, body] = found.map(String)
          const stored = /** @type {{ value: unknown, cacheControl?: unknown }} */ (
            deserializeCacheValue(body ?? 'null')
          )
          return /** @type {StoredEntry} */ ({
            value: stored.value,
            cacheControl: stored.cacheControl,
            lastModified: Number(lastModified),
            tags: /** @type {string[]} */ (JSON.parse(tags ?? '[]')),
          })
        },
        () => undefined,
      )
    },
    async set(key, entry) {
      const body = serializeCacheValue({ value: entry.value, cacheControl: entry.cacheControl })
      await redis.run(
        'page cache write',
        async (client) => {
          await client.eval(SET_SCRIPT, {
            keys: [entryKey(key)],
            arguments: [JSON.stringify(entry.tags), body, String(entryTtlMs)],
          })
        },
        () => undefined,
      )
    },
    // Expired "now" by Redis's clock (see above), whatever `at` this instance's clock says.
    async expireTags(tags, _at) {
      if (tags.length === 0) return
      await flushPending()
      if (!(await expire(tags))) for (const tag of tags) pendingTags.add(tag)
    },
  }
}
