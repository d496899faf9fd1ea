import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

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
