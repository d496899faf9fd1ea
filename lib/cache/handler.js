// @ts-check
/**
 * Next's cache for ISR pages, route handlers and fetch data (`cacheHandler` in next.config.ts).
 *
 * Why not Next's default: the default cache serves the pages `next build` prerendered, from
 * the build folder, until they are revalidated. The image is built against an empty throw-away
 * database, so after every deploy `/` and `/blog` came up empty for up to `revalidate` seconds.
 * With a handler of our own, Next never reads those build files (only its default
 * file-system cache does): each server starts with an empty cache, renders a page on its first
 * request from the live database, then caches it exactly as before (ISR lifetime, `s-maxage`
 * headers, on-demand revalidation through `revalidatePath`).
 *
 * Next imports this file at runtime with a bare `import()` (no bundling, no TypeScript), and
 * creates one handler per request: the store is shared by the whole process.
 */
import { DEFAULT_MAX_BYTES, createMemoryStore } from './memory-store.js'

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<NextCacheHandler['set']>[1]} CacheValue */
/** @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext */
/** @typedef {import('./memory-store.js').PageCacheStore} PageCacheStore */

/** Where Next records the tags a rendered page or route depends on. */
const TAGS_HEADER = 'x-next-cache-tags'

/**
 * The one place that chooses the store. Memory only for now; a shared store (Redis) for
 * several instances would be picked here, from the environment.
 * @param {{ maxMemoryCacheSize?: number }} options
 * @returns {PageCacheStore}
 */
export function createPageCacheStore({ maxMemoryCacheSize }) {
  return createMemoryStore({ maxBytes: maxMemoryCacheSize ?? DEFAULT_MAX_BYTES })
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
    registry[STORE] ??= createPageCacheStore({ maxMemoryCacheSize: ctx.maxMemoryCacheSize })
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
