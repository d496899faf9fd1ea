// @ts-check
/**
 * The page cache's storage, in this process's memory: a least-recently-used map bounded by an
 * estimate of its size in bytes. Plain JavaScript because Next loads the cache handler with a
 * bare `import()` at runtime, without compiling it (see handler.js); types are checked from
 * the JSDoc.
 */

/**
 * @typedef {object} StoredEntry
 * @property {unknown} value Next's cached value (page HTML and RSC payload, route body, fetch data).
 * @property {number} lastModified When it was stored (ms since the epoch).
 * @property {unknown} [cacheControl] Its lifetime as Next gave it to `set()`.
 * @property {readonly string[]} tags Cache tags it depends on (explicit and implicit path tags).
 */

/**
 * The interface every page cache store implements: this one, and redis-store.js for several
 * instances.
 * @typedef {object} PageCacheStore
 * @property {(key: string, extraTags?: readonly string[]) => Promise<StoredEntry | undefined>} get
 *   The entry, unless missing or expired by a tag (its own or one of `extraTags`).
 * @property {(key: string, entry: StoredEntry) => Promise<void>} set
 * @property {(tags: readonly string[], at: number) => Promise<void>} expireTags
 *   Entries carrying one of these tags and stored at or before `at` are gone from then on.
 */

/** Next's own default budget for its in-memory cache (`cacheMaxMemorySize`). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024

/**
 * A rough size in bytes: strings by length, buffers by byte length, maps and objects by their
 * parts. Only used to bound the cache, so estimates are fine.
 * @param {unknown} value
 * @returns {number}
 */
export function estimateSize(value) {
  if (value === null || value === undefined) return 0
  if (typeof value === 'string') return value.length
  if (typeof value === 'number' || typeof value === 'boolean') return 8
  if (ArrayBuffer.isView(value)) return value.byteLength
  if (value instanceof ArrayBuffer) return value.byteLength
  if (value instanceof Map) {
    let size = 0
    for (const [key, item] of value) size += estimateSize(key) + estimateSize(item)
    return size
  }
  if (Array.isArray(value)) return value.reduce((size, item) => size + estimateSize(item), 0)
  if (typeof value === 'object') {
    let size = 0
    for (const [key, item] of Object.entries(value)) size += key.length + estimateSize(item)
    return size
  }
  return 0
}

/**
 * @param {{ maxBytes?: number }} [options]
 * @returns {PageCacheStore & { readonly size: number, readonly bytes: number }}
 */
export function createMemoryStore({ maxBytes = DEFAULT_MAX_BYTES } = {}) {
  /** @type {Map<string, { entry: StoredEntry, bytes: number }>} Oldest use first. */
  const entries = new Map()
  /** @type {Map<string, number>} When each tag was last expired. */
  const tagExpiredAt = new Map()
  let bytes = 0

  /** @param {string} key */
  const remove = (key) => {
    const found = entries.get(key)
    if (!found) return
    bytes -= found.bytes
    entries.delete(key)
  }

  /**
   * Expired when a tag was revalidated at or after the entry was stored: a render that
   * finished in the same millisecond as the revalidation may predate it, so it is redone.
   * @param {StoredEntry} entry
   * @param {readonly string[]} extraTags
   */
  const isExpired = (entry, extraTags) =>
    [...entry.tags, ...extraTags].some((tag) => (tagExpiredAt.get(tag) ?? -1) >= entry.lastModified)

  return {
    get size() {
      return entries.size
    },
    get bytes() {
      return bytes
    },
    async get(key, extraTags = []) {
      const found = entries.get(key)
      if (!found) return undefined
      if (isExpired(found.entry, extraTags)) {
        remove(key)
        return undefined
      }
      // Most recently used goes last.
      entries.delete(key)
      entries.set(key, found)
      return found.entry
    },
    async set(key, entry) {
      remove(key)
      const size = key.length + estimateSize(entry.value)
      // Larger than the whole budget: not cached at all (it would evict everything else).
      if (size > maxBytes) return
      entries.set(key, { entry, bytes: size })
      bytes += size
      for (const [oldest] of entries) {
        if (bytes <= maxBytes) break
        remove(oldest)
      }
    },
    async expireTags(tags, at) {
      for (const tag of tags) tagExpiredAt.set(tag, Math.max(at, tagExpiredAt.get(tag) ?? -1))
    },
  }
}
