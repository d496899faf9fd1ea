// @ts-check
/**
 * One Redis connection per process, for the state several app instances share (page cache,
 * limits, redirects version, job lock), and what happens when Redis goes away: every operation
 * names a fallback (a cache miss, this process's limiter…), Redis trouble is logged once per
 * outage, and no request ever fails because of it.
 *
 * Plain JavaScript because the page cache handler (lib/cache/handler.js), which Next imports
 * uncompiled, uses it too; types are checked from the JSDoc.
 */
import { createClient } from '@redis/client'

/** @typedef {import('@redis/client').RedisClientType<{}, {}, {}, 3, {}>} RedisClient */
/** @typedef {{ error: (message: string) => void, info: (message: string) => void }} Logger */

/**
 * @typedef {object} RedisConnection
 * @property {string} where The server, without credentials (for messages).
 * @property {<T>(what: string, operation: (client: RedisClient) => Promise<T>, fallback: () => T | Promise<T>) => Promise<T>} run
 *   Runs `operation`; when Redis is unreachable, slow or failing, logs (once per outage) and
 *   returns `fallback()` instead.
 * @property {(listener: () => void) => void} onReconnect Called each time Redis is back after an outage.
 * @property {() => Promise<void>} close
 */

/** Every key the app keeps in Redis starts with this. */
export const REDIS_PREFIX = 'clinica:'

/** A Redis command taking longer than this counts as an outage: pages must not wait on it. */
export const COMMAND_TIMEOUT_MS = 1_000
/** At process start, operations wait this long at most for the first connection. */
const FIRST_CONNECTION_WAIT_MS = 2_000
/** After a failed or timed-out command, Redis is left alone this long before the next try. */
const PAUSE_AFTER_FAILURE_MS = 1_000

/**
 * `redis://host:port/db` without user or password, for log messages.
 * @param {string} url
 */
export function describeRedisUrl(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return 'redis (invalid URL)'
  }
}

/** @param {unknown} error */
const reasonOf = (error) =>
  error instanceof Error
    ? `${error.name}${'code' in error && error.code ? ` ${String(error.code)}` : ''}: ${error.message.split('\n')[0]}`
    : String(error)

/**
 * node-redis only times out commands it has not sent yet: a server that hangs after receiving
 * one would hold the request forever. The command is left to finish (or fail) on its own.
 * When the timer fires, the answer may already be waiting in the socket (the event loop was busy
 * rendering a page): the verdict waits for the loop's I/O phase (setImmediate), so a busy
 * process does not take its own lag for a Redis outage.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timeout = () =>
      reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' }))
    const timer = setTimeout(() => setImmediate(timeout), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * @param {string} url A `redis://` or `rediss://` URL (validated by lib/env.ts).
 * @param {{ logger?: Logger, commandTimeoutMs?: number }} [options]
 * @returns {RedisConnection}
 */
export function createRedisConnection(
  url,
  { logger = console, commandTimeoutMs = COMMAND_TIMEOUT_MS } = {},
) {
  const where = describeRedisUrl(url)
  const client = createClient({
    url,
    // While disconnected, commands fail at once (and fall back) instead of queueing.
    disableOfflineQueue: true,
    // A hung server must not pile up unanswered commands without bound.
    commandsQueueMaxLength: 1_000,
    socket: {
      connectTimeout: 2_000,
      // Keep trying, every 2 s at most: the app works without Redis meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  })
  // The connection never keeps a process alive on its own (a script that bumped the redirects
  // version must still exit); commands in flight do, through their timeout.
  client.unref()
  /** @type {Set<() => void>} */
  const reconnectListeners = new Set()
  let outage = false
  let pausedUntil = 0
  let closed = false

  /**
   * @param {string} what
   * @param {unknown} error
   */
  const reportFailure = (what, error) => {
    if (outage || closed) return
    outage = true
    logger.error(
      `Redis unavailable at ${where} (${what}: ${reasonOf(error)}): this instance works on its own ` +
        '(page cache misses, per-process limits, no job runs) until Redis is back.',
    )
  }

  const recovered = () => {
    if (!outage) return
    outage = false
    logger.info(`Redis at ${where} is back: shared state restored.`)
    for (const listener of reconnectListeners) listener()
  }

  // node-redis emits 'error' at every failed reconnection attempt: one message per outage.
  client.on('error', (error) => reportFailure('connection', error))
  // Back after a lost connection ('ready'), or answering again after it hung (a command works).
  client.on('ready', () => {
    pausedUntil = 0
    recovered()
  })

  /** Resolves once connected, or after FIRST_CONNECTION_WAIT_MS (node-redis keeps retrying). */
  const firstConnection = new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS)
    client.connect().then(
      () => {
        clearTimeout(timer)
        resolve(undefined)
      },
      (error) => {
        clearTimeout(timer)
        reportFailure('connection', error)
        resolve(undefined)
      },
    )
  })

  return {
    where,
    async run(what, operation, fallback) {
      if (!client.isReady) await firstConnection
      if (closed || !client.isReady) {
        reportFailure(what, new Error('not connected'))
        return fallback()
      }
      if (Date.now() < pausedUntil) return fallback()
      try {
        const result = await withTimeout(operation(client), commandTimeoutMs)
        recovered()
        return result
      } catch (error) {
        pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS
        reportFailure(what, error)
        return fallback()
      }
    },
    onReconnect(listener) {
      reconnectListeners.add(listener)
    },
    async close() {
      closed = true
      if (client.isOpen) client.destroy()
    },
  }
}

const REGISTRY = Symbol.for('clinica-blog.redis-connection')
const registry =
  /** @type {typeof globalThis & { [REGISTRY]?: { url: string, connection: RedisConnection } }} */ (
    globalThis
  )

/**
 * This process's shared connection to `url`, opened on first use; undefined without a URL.
 * Kept on globalThis: Next loads the proxy, the route bundles and the cache handler as separate
 * module copies in one process, and they must share one connection.
 * @param {string | undefined} url
 * @returns {RedisConnection | undefined}
 */
export function processRedisConnection(url) {
  if (!url) return undefined
  if (registry[REGISTRY]?.url !== url) {
    void registry[REGISTRY]?.connection.close()
    registry[REGISTRY] = { url, connection: createRedisConnection(url) }
  }
  return registry[REGISTRY].connection
}

/**
 * The connection this process opened, if any: for the page cache handler, which Next loads
 * without compiling it and so cannot read the validated environment (lib/env.ts) itself.
 * The server opens it at start (instrumentation.ts); `next build` never does, so what the build
 * prerenders from its throw-away database stays in that build's memory.
 * @returns {RedisConnection | undefined}
 */
export function openedRedisConnection() {
  return registry[REGISTRY]?.connection
}
