import type { Payload, Where } from 'payload'

import { publicRead } from '@/lib/queries/public-read'
import { lexicalHeadings, lexicalToPlainText } from '@/lib/text-import'
import type { Post } from '@/payload-types'

import type { IndexableDocument } from './engine'

/** Published posts read per query while (re)building the index: bounded memory at any size. */
export const BATCH_SIZE = 200
/** Ids and dates only: larger batches. */
const VERSIONS_BATCH_SIZE = 2_000

/**
 * The newest `updatedAt` among all posts (any status) and how many posts have it or a later
 * one: a later count that differs means a post was written since.
 */
export type Mark = { latest: string | null; atLatest: number }

export type Counts = { published: number; newer: number; atOrAfter: number }

/** A post's live row: enough to tell whether the index holds its current version. */
export type RowVersion = { id: string; published: boolean; updatedAt: string }

/** A shown result's text, read from the database for its snippet (the index keeps no text). */
export type ResultDocument = {
  id: string
  title: string
  slug: string
  excerpt: string | null
  body: string
  publishedAt: string | null
}

/** Where the index reads posts from (the database, through Payload). */
export type SearchSource = {
  mark: () => Promise<Mark>
  /**
   * Published posts; posts of any status written after `since`, and at or after it (one write
   * moves one of the last two, even when it edits the newest post again).
   */
  counts: (since: string | null) => Promise<Counts>
  /** The live rows (no text) written at or after `since`. */
  changedSince: (since: string) => Promise<RowVersion[]>
  /** Every published post, in batches. */
  all: () => AsyncGenerator<IndexableDocument[]>
  /** `id → updatedAt` of every published post, without their text. */
  versions: () => Promise<Map<string, string>>
  /** These posts, as far as they are published, in batches. */
  byIds: (ids: readonly string[]) => AsyncGenerator<IndexableDocument[]>
  /** The text of the results shown on one page (published ones only). */
  results: (ids: readonly string[]) => Promise<ResultDocument[]>
}

const PUBLISHED: Where = { _status: { equals: 'published' } }
const INDEXED_FIELDS = {
  title: true,
  excerpt: true,
  content: true,
  publishedAt: true,
  updatedAt: true,
} as const

type IndexedPost = Pick<Post, 'id' | 'title' | 'excerpt' | 'content' | 'publishedAt' | 'updatedAt'>

export function toIndexable(post: IndexedPost): IndexableDocument {
  const headings = post.content ? lexicalHeadings(post.content).map((heading) => heading.text) : []
  return {
    id: post.id,
    title: post.title,
    summary: [post.excerpt ?? '', ...headings].join('\n'),
    body: post.content ? lexicalToPlainText(post.content) : '',
    publishedAt: post.publishedAt ?? null,
    updatedAt: post.updatedAt,
  }
}

/**
 * The index's reads. Everything the index holds is read as the public (`overrideAccess: false`,
 * no user, `draft: false`): the collection's access rule keeps those reads to published posts,
 * so a draft (a new post, or an unpublished edit of a published one) never reaches the index.
 * The per-query reads return numbers, ids and timestamps only. The one text read per query
 * (the shown page's posts, by id) filters on `_status` in code instead of in the database:
 * with `_status` in the query, SQLite walks the `_status` index (nearly every row is
 * published) and sorts the archive, ~20 ms at 10,000 posts instead of ~1 ms by primary key.
 */
export function payloadSearchSource(getPayload: () => Promise<Payload>): SearchSource {
  const readPublished = async (where: Where, limit: number) => {
    const payload = await getPayload()
    const { docs } = await payload.find({
      collection: 'posts',
      ...publicRead,
      depth: 0,
      where: { and: [PUBLISHED, where] },
      sort: 'id',
      limit,
      pagination: false,
      select: INDEXED_FIELDS,
    })
    return docs
  }

  const countWhere = async (where: Where) =>
    (await (await getPayload()).count({ collection: 'posts', where })).totalDocs

  return {
    mark: async () => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'posts',
        depth: 0,
        sort: '-updatedAt',
        limit: 1,
        pagination: false,
        select: { updatedAt: true },
      })
      const latest = docs[0]?.updatedAt ?? null
      const atLatest = latest ? await countWhere({ updatedAt: { greater_than_equal: latest } }) : 0
      return { latest, atLatest }
    },
    counts: async (since) => {
      const [published, newer, atOrAfter] = await Promise.all([
        countWhere(PUBLISHED),
        since ? countWhere({ updatedAt: { greater_than: since } }) : 0,
        since ? countWhere({ updatedAt: { greater_than_equal: since } }) : 0,
      ])
      return { published, newer, atOrAfter }
    },
    changedSince: async (since) => {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'posts',
        depth: 0,
        where: { updatedAt: { greater_than_equal: since } },
        pagination: false,
        select: { _status: true, updatedAt: true },
      })
      return docs.map((doc) => ({
        id: doc.id,
        published: doc._status === 'published',
        updatedAt: doc.updatedAt,
      }))
    },
    // Keyset pages in id order: no page count, no OFFSET scan (half the cost at 10,000 posts).
    all: async function* () {
      let after: string | undefined
      for (;;) {
        const docs = await readPublished(after ? { id: { greater_than: after } } : {}, BATCH_SIZE)
        if (docs.length > 0) yield docs.map(toIndexable)
        if (docs.length < BATCH_SIZE) return
        after = docs[docs.length - 1]!.id
      }
    },
    versions: async () => {
      const payload = await getPayload()
      const versions = new Map<string, string>()
      let after: string | undefined
      for (;;) {
        // Straight from the adapter: ids and dates of live published rows, no text, and none of
        // the Local API's per-document work (a third of the cost at 10,000 posts).
        const { docs } = await payload.db.find<Pick<Post, 'id' | 'updatedAt'>>({
          collection: 'posts',
          where: after ? { and: [PUBLISHED, { id: { greater_than: after } }] } : PUBLISHED,
          sort: 'id',
          limit: VERSIONS_BATCH_SIZE,
          pagination: false,
          select: { updatedAt: true },
        })
        // As the Local API spells dates (an ISO string), whatever the adapter returns.
        for (const doc of docs) {
          versions.set(String(doc.id), new Date(doc.updatedAt).toISOString())
        }
        if (docs.length < VERSIONS_BATCH_SIZE) return versions
        after = String(docs[docs.length - 1]!.id)
      }
    },
    byIds: async function* (ids) {
      for (let from = 0; from < ids.length; from += BATCH_SIZE) {
        const slice = ids.slice(from, from + BATCH_SIZE)
        yield (await readPublished({ id: { in: slice } }, slice.length)).map(toIndexable)
      }
    },
    results: async (ids) => {
      if (ids.length === 0) return []
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'posts',
        draft: false,
        depth: 0,
        where: { id: { in: [...ids] } },
        limit: ids.length,
        pagination: false,
        select: {
          _status: true,
          title: true,
          slug: true,
          excerpt: true,
          content: true,
          publishedAt: true,
        },
      })
      return docs
        .filter((doc) => doc._status === 'published')
        .map((doc) => ({
          id: doc.id,
          title: doc.title,
          slug: doc.slug,
          excerpt: doc.excerpt ?? null,
          body: doc.content ? lexicalToPlainText(doc.content) : '',
          publishedAt: doc.publishedAt ?? null,
        }))
    },
  }
}
