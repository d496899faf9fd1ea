import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll } from '@jest/globals'
import type { Migration, Payload } from 'payload'

export const TEST_SECRET = 'integration-test-secret-0123456789abcdef'

export type TestPayload = { payload: Payload; dir: string; cleanup: () => Promise<void> }

/**
 * A real Payload instance on a fresh temporary SQLite file, with the committed migrations
 * applied (the same schema production gets). Each Jest test file has its own module registry,
 * so the environment set here is read by that file's own copy of the config.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-int-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  process.env.PAYLOAD_SECRET = TEST_SECRET
  process.env.SITE_URL = 'http://localhost:3999'
  process.env.MEDIA_DIR = path.join(dir, 'media')

  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { migrations } = await import('@/migrations')
  const payload = await getPayload({ config })
  // Payload types `Migration.up` as taking `unknown`, which generated migrations cannot satisfy.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })

  return {
    payload,
    dir,
    cleanup: async () => {
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
