import { describe, expect, it } from '@jest/globals'

import { MONGODB_HOW_TO } from '../support/test-database.mjs'

import { QUIET } from './helpers/fixtures'
import { setupTestPayload, TEST_DATABASE } from './helpers/payload'

/**
 * What only MongoDB has: the adapter itself and the indexes behind the public queries.
 * Everything else in the integration suite runs on MongoDB too with TEST_DATABASE=mongodb
 * (see tests/support/test-database.mjs). No MongoDB server runs on the development machines:
 * there this file reports the skip and how to run it.
 */
const skipReason =
  TEST_DATABASE !== 'mongodb'
    ? 'this run uses SQLite (TEST_DATABASE is not "mongodb")'
    : process.env.MONGODB_SKIP_REASON

if (skipReason) {
  console.warn(`MongoDB-only tests SKIPPED: ${skipReason}.\n${MONGODB_HOW_TO}`)
}

type MongoCollection = {
  listIndexes: () => { toArray: () => Promise<{ key: Record<string, number>; unique?: boolean }[]> }
  find: (filter: object) => {
    sort: (sort: object) => { explain: () => Promise<{ queryPlanner: { winningPlan: unknown } }> }
  }
}
type MongoAdapter = {
  name: string
  collections: Record<string, { syncIndexes: () => Promise<unknown>; collection: MongoCollection }>
}

/** Every stage name in a query plan, nested input stages included. */
const stages = (plan: unknown): string[] => {
  if (!plan || typeof plan !== 'object') return []
  const node = plan as Record<string, unknown>
  return [
    ...(typeof node.stage === 'string' ? [node.stage] : []),
    ...Object.values(node).flatMap((value) =>
      Array.isArray(value) ? value.flatMap(stages) : stages(value),
    ),
  ]
}

const describeMongo = skipReason ? describe.skip : describe

describeMongo(`MongoDB engine${skipReason ? ` [skipped: ${skipReason}]` : ''}`, () => {
  const ctx = setupTestPayload()
  const adapter = () => ctx.payload.db as unknown as MongoAdapter

  const postIndexes = async () => {
    const posts = adapter().collections.posts!
    await posts.syncIndexes()
    return posts.collection.listIndexes().toArray()
  }

  it('uses the MongoDB adapter with string ObjectIds', async () => {
    expect(adapter().name).toBe('mongoose')
    const category = await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Piede', slug: 'piede' },
    })
    expect(category.id).toMatch(/^[0-9a-f]{24}$/)
  })

  it('declares the indexes of every public filter and sort', async () => {
    const indexes = await postIndexes()
    const keys = indexes.map((index) => Object.keys(index.key).join(','))
    expect(keys).toEqual(
      expect.arrayContaining([
        'slug',
        '_status',
        'publishedAt',
        'categories',
        '_status,publishedAt,createdAt',
        'publishedAt,createdAt',
      ]),
    )
    expect(indexes.find((index) => Object.keys(index.key).join(',') === 'slug')?.unique).toBe(true)
  })

  it('serves the listing sort from an index, never an in-memory sort', async () => {
    await postIndexes()
    const plan = await adapter()
      .collections.posts!.collection.find({ _status: { $eq: 'published' } })
      .sort({ publishedAt: -1, createdAt: -1 })
      .explain()
    const used = stages(plan.queryPlanner.winningPlan)
    expect(used).toContain('IXSCAN')
    expect(used).not.toContain('SORT')
  })
})
