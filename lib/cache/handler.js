// @ts-check
/**
 * Next's cache for ISR pages, route handlers and fetch data (`cacheHandler` in next.config.ts).
 *
 * Why not Next's default: the default cache serves the pages `next build` prerendered, from
 * the build folder, until they are revalidated. The image is built against an empty throw-away
 * database, so after every deploy `/` and `/blog` came up empty for up to `revalidate` seconds.
 * With a handler of our own, Next never reads those build files (only its default
 * file-system cache does): a server renders a page on its first request from the live database,
 * then caches it exactly as before (ISR lifetime, `s-maxage` headers, on-demand revalidation
 * through `revalidatePath`).
 *
 * Where entries live: in Redis when the server opened a shared connection (REDIS_URL, see
 * lib/redis), so every instance serves what one rendered and a publish on one expires it on all;
 * otherwise in this process's memory, empty at each start. Either way nothing `next build`
 * rendered is ever served: the build writes to its own memory only, and Redis entries are kept
 * per build id.
 *
 * Next imports this file at runtime with a bare `import()` (no bundling, no TypeScript), and
 * creates one handler per request: the store is shared by the whole process.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { openedRedisConnection } from '../redis/connection.js'
import { DEFAULT_MAX_BYTES, createMemoryStore } from './memory-store.js'
import { createRedisStore } from './redis-store.js'

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<NextCacheHandler['set']>[1]} CacheValue */
/** @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext */
/** @typedef {import('./memory-store.js').PageCacheStore} PageCacheStore */
/** @typedef {import('../redis/connection.js').RedisConnection} RedisConnection */

/** Where Next records the tags a rendered page or route depends on. */
const TAGS_HEADER = 'x-next-cache-tags'

/**
 * The build's id (`<distDir>/BUILD_ID`, next to the server folder), or "development".
 * @param {string | undefined} serverDistDir
 */
export function buildIdOf(serverDistDir) {
  if (!serverDistDir) return 'development'
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim() || 'development'
  } catch {
    return 'development'
  }
}

/**
 * The one place that chooses the store: Redis once this process has opened its shared
 * connection, memory otherwise. Chosen at each operation, not once: Next may create a handler
 * before the server's start-up code (instrumentation.ts) has opened the connection.
 * @param {{ maxMemoryCacheSize?: number, serverDistDir?: string, redis?: () => RedisConnection | undefined }} options
 * @returns {PageCacheStore}
 */
export function createPageCacheStore({
  maxMemoryCacheSize,
  serverDistDir,
  redis = openedRedisConnection,
}) {
  const memory = createMemoryStore({ maxBytes: maxMemoryCacheSize ?? DEFAULT_MAX_BYTES })
  /** @type {{ connection: RedisConnection, store: PageCacheStore } | undefined} */
  let shared
  const pick = () => {
    const connection = redis()
    if (!connection) return memory
    if (shared?.connection !== connection) {
      shared = {
        connection,
        store: createRedisStore(connection, { buildId: buildIdOf(serverDistDir) }),
      }
    }
    return shared.store
  }
  return {
    get: (key, extraTags) => pick().get(key, extraTags),
    set: (key, entry) => pick().set(key, entry),
    expireTags: (tags, at) => pick().expireTags(tags, at),
  }
}

/**
 * One store per process, even if Next loads this module more than once (build workers, or the
 * same file reached through two module systems).
 */
const STORE = Symbol.for('clinica-blog.page-cache-store')
const registry = /** @type {typeof globalThis & { [STORE]?: PageCacheStore }} */ (globalThis)

/**
 * The tags a value depends on: fetch entries get them from the context, pages and route
 * handlers carry them in a header.
 * @param {CacheValue} value
 * @param {SetContext} ctx
 * @returns {string[]}
 */
export function tagsOf(value, ctx) {
  if (value?.kind === 'FETCH') return 'tags' in ctx && ctx.tags ? [...ctx.tags] : []
  if (value && 'headers' in value && value.headers) {
    const header = value.headers[TAGS_HEADER]
    if (typeof header === 'string' && header !== '') return header.split(',')
  }
  return []
}

/** @implements {NextCacheHandler} */
export default class PageCacheHandler {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    registry[STORE] ??= createPageCacheStore({
      maxMemoryCacheSize: ctx.maxMemoryCacheSize,
      serverDistDir: ctx.serverDistDir,
    })
    /** @type {PageCacheStore} */
    this.store = registry[STORE]
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    // A fetch is also stale when the page reading it was revalidated (its implicit soft tags).
    const extraTags = ctx.kind === 'FETCH' ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : []
    const entry = await this.store.get(key, extraTags)
    if (!entry) return null
    return /** @type {CacheHandlerValue} */ ({
      value: entry.value,
      lastModified: entry.lastModified,
      cacheControl: entry.cacheControl,
    })
  }

  /**
   * @param {string} key
   * @param {CacheValue} value
   * @param {SetContext} ctx
   */
  async set(key, value, ctx) {
    await this.store.set(key, {
      value,
      lastModified: Date.now(),
      cacheControl: 'cacheControl' in ctx ? ctx.cacheControl : undefined,
      tags: tagsOf(value, ctx),
    })
  }

  /**
   * `revalidatePath`/`revalidateTag`. A stale-while-revalidate profile (`durations`) is treated
   * as immediate expiry: the next request renders fresh content instead of serving the old one.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [_durations]
   */
  async revalidateTag(tags, _durations) {
    await this.store.expireTags(typeof tags === 'string' ? [tags] : tags, Date.now())
  }

  resetRequestCache() {}
}
