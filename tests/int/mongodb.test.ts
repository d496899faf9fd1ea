import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { TEST_SECRET } from './helpers/payload'

/**
 * The production engine. No MongoDB server runs on the development machines, so these tests
 * run only when MONGODB_URI points at one (e.g. `mongodb://127.0.0.1:27017`); each run uses
 * its own database and drops it afterwards.
 */
const MONGODB_URI = process.env.MONGODB_URI
const describeMongo = MONGODB_URI ? describe : describe.skip

if (!MONGODB_URI) {
  console.warn('MongoDB tests SKIPPED: set MONGODB_URI=mongodb://host:27017 to run them.')
}

describeMongo('MongoDB adapter (MONGODB_URI)', () => {
  let payload: Payload
  let mediaDir: string

  beforeAll(async () => {
    const url = new URL(MONGODB_URI!)
    url.pathname = `/clinica_test_${randomBytes(4).toString('hex')}`
    mediaDir = await mkdtemp(path.join(tmpdir(), 'clinica-mongo-'))
    process.env.DATABASE_URI = url.toString()
    process.env.PAYLOAD_SECRET = TEST_SECRET
    process.env.MEDIA_DIR = mediaDir
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config })
  }, 60_000)

  afterAll(async () => {
    if (!payload) return
    const db = payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
    await db.connection.dropDatabase()
    await payload.destroy()
    await rm(mediaDir, { recursive: true, force: true })
  })

  it('uses the MongoDB adapter', () => {
    expect(payload.db.name).toBe('mongoose')
  })

  it('seeds the same article, idempotently', async () => {
    const { seed } = await import('@/seed/seed')
    await seed(payload)
    const second = await seed(payload)
    expect(second.created).toEqual([])
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: 'intervento-mini-invasivo-alluce-valgo' } },
      overrideAccess: false,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]?.title).toBe('Cos’è l’intervento mini invasivo alluce valgo')
  })

  it('indexes every field the site queries posts by', async () => {
    const db = payload.db as unknown as {
      collections: Record<
        string,
        {
          syncIndexes: () => Promise<unknown>
          listIndexes: () => Promise<{ key: Record<string, number> }[]>
        }
      >
    }
    const posts = db.collections.posts!
    await posts.syncIndexes()
    const indexed = (await posts.listIndexes()).flatMap((index) => Object.keys(index.key))
    for (const field of ['slug', '_status', 'publishedAt', 'categories'])
      expect(indexed).toContain(field)
  })
})
