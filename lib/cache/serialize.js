// @ts-check
/**
 * Next's cached values as text, for a shared store: pages carry their RSC payload as a Buffer
 * and their segments as a Map of Buffers, which JSON alone would turn into `{}` or byte arrays.
 */

const TYPE = '__cacheType'

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function toPlain(value) {
  if (value instanceof Uint8Array) {
    return {
      [TYPE]: 'bytes',
      base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
    }
  }
  if (value instanceof Map) {
    return {
      [TYPE]: 'map',
      entries: [...value].map(([key, item]) => [toPlain(key), toPlain(item)]),
    }
  }
  if (Array.isArray(value)) return value.map(toPlain)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]))
  }
  return value
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function fromPlain(value) {
  if (Array.isArray(value)) return value.map(fromPlain)
  if (!value || typeof value !== 'object') return value
  const record = /** @type {Record<string, unknown>} */ (value)
  if (record[TYPE] === 'bytes' && typeof record.base64 === 'string') {
    return Buffer.from(record.base64, 'base64')
  }
  if (record[TYPE] === 'map' && Array.isArray(record.entries)) {
    return new Map(
      record.entries.map((/** @type {[unknown, unknown]} */ [key, item]) => [
        fromPlain(key),
        fromPlain(item),
      ]),
    )
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, fromPlain(item)]))
}

/**
 * @param {unknown} value
 * @returns {string}
 */
export const serializeCacheValue = (value) => JSON.stringify(toPlain(value))

/**
 * @param {string} text
 * @returns {unknown}
 */
export const deserializeCacheValue = (text) => fromPlain(JSON.parse(text))
