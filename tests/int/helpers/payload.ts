import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe } from '@jest/globals'
import type { Migration, Payload } from 'payload'

import {
  testDatabaseKind,
  uniqueMongoUri,
  type TestDatabaseKind,
} from '../../support/test-database.mjs'

export const TEST_SECRET = 'integration-test-secret-0123456789abcdef'

export type TestPayload = { payload: Payload; dir: string; cleanup: () => Promise<void> }

/** The engine this run uses: SQLite by default, MongoDB with TEST_DATABASE=mongodb. */
export const TEST_DATABASE: TestDatabaseKind = testDatabaseKind()

/**
 * `describe` on the engine a group of tests is about, `describe.skip` on the other: for what
 * only exists on one engine (the SQLite file backup, raw SQL checks, MongoDB indexes).
 * The skip is named in the output with its reason.
 */
export function describeOn(kind: TestDatabaseKind, name: string, reason: string) {
  if (kind === TEST_DATABASE) return (body: () => void) => describe(name, body)
  return (body: () => void) => describe.skip(`${name} [${kind} only: ${reason}]`, body)
}

type MongoConnection = { connection: { dropDatabase: () => Promise<unknown> } }

/**
 * A real Payload instance on a fresh database of this run's engine: a temporary SQLite file
 * with the committed migrations applied (the schema production gets), or a database of its own
 * on the MongoDB server, dropped by `cleanup`. Each Jest test file has its own module registry,
 * so the environment set here is read by that file's own copy of the config.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-int-'))
  const mongoUri = process.env.MONGODB_URI
  if (TEST_DATABASE === 'mongodb' && !mongoUri) {
    throw new Error('TEST_DATABASE=mongodb needs MONGODB_URI (see tests/support/test-database.mjs)')
  }
  process.env.DATABASE_URI =
    TEST_DATABASE === 'mongodb' && mongoUri
      ? uniqueMongoUri(mongoUri)
      : `file:${path.join(dir, 'test.db')}`
  process.env.PAYLOAD_SECRET = TEST_SECRET
  process.env.SITE_URL = 'http://localhost:3999'
  process.env.MEDIA_DIR = path.join(dir, 'media')

  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  if (TEST_DATABASE === 'sqlite') {
    const { migrations } = await import('@/migrations')
    // Payload types `Migration.up` as taking `unknown`, which generated migrations cannot satisfy.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }

  return {
    payload,
    dir,
    cleanup: async () => {
      if (TEST_DATABASE === 'mongodb') {
        await (payload.db as unknown as MongoConnection).connection.dropDatabase()
      }
      await payload.destroy()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Registers the file's hooks: a `beforeAll` that runs `start` and an `afterAll` that cleans up.
 * Returns the accessor to what was started; it throws when read before the start (at import
 * time), where a plain variable would still be undefined. Hooks the file registers afterwards
 * run after the start (and, for `afterAll`, after the cleanup).
 */
export function startForThisFile<T extends TestPayload>(start: () => Promise<T>): () => T {
  let started: T | undefined
  beforeAll(async () => {
    started = await start()
  }, 60_000)
  afterAll(async () => {
    await started?.cleanup()
  })
  return () => {
    if (!started) throw new Error('the test Payload is not started yet: use it in a hook or test')
    return started
  }
}

/** A test file's Payload, read through getters once its `beforeAll` has started it. */
export class TestPayloadHandle<T extends TestPayload = TestPayload> {
  constructor(protected readonly current: () => T) {}

  get payload(): Payload {
    return this.current().payload
  }

  /** The temporary folder of the database and the media. */
  get dir(): string {
    return this.current().dir
  }
}

/** One Payload on a fresh database for the whole test file, started and cleaned up by hooks. */
export function setupTestPayload(): TestPayloadHandle {
  return new TestPayloadHandle(startForThisFile(startTestPayload))
}
