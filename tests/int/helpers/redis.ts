import { afterAll, beforeAll, jest } from '@jest/globals'
import { createClient } from '@redis/client'

import { createRedisConnection, type RedisConnection } from '@/lib/redis/connection.js'

import { startRedisServer, type TestRedis } from '../../support/redis-server'

type Logger = { error: (message: string) => void; info: (message: string) => void }

/** A logger that records nothing to the output (Jest mocks, for assertions if wanted). */
export const quietLogger = () => ({
  error: jest.fn<(message: string) => void>(),
  info: jest.fn<(message: string) => void>(),
})

/**
 * One real redis-server for the test file (started before its tests, stopped after), with
 * app connections made through the app's own connection module: two connections are two app
 * instances. `raw` is a plain client for looking at keys directly.
 */
export function redisForThisFile() {
  let server: TestRedis | undefined
  let raw: ReturnType<typeof createClient> | undefined
  const connections: RedisConnection[] = []
  beforeAll(async () => {
    server = await startRedisServer()
    raw = createClient({ url: server.url })
    // Tests stop and restart the server on purpose: the plain client just reconnects.
    raw.on('error', () => undefined)
    await raw.connect()
  })
  afterAll(async () => {
    raw?.destroy()
    await Promise.all(connections.map((connection) => connection.close()))
    await server?.dispose()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('redis-server is not started yet: use it in a test')
    return value
  }
  return {
    get redis(): TestRedis {
      return started(server)
    },
    get raw(): ReturnType<typeof createClient> {
      return started(raw)
    },
    connect(logger: Logger = quietLogger()): RedisConnection {
      const connection = createRedisConnection(started(server).url, { logger })
      connections.push(connection)
      return connection
    },
  }
}
