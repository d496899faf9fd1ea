import { describe, expect, it } from '@jest/globals'

import type { IndexableDocument } from '@/lib/search/engine'
import type { SearchSource } from '@/lib/search/source'
import { createSearchIndex } from '@/lib/search/sync'

type Row = IndexableDocument & { published: boolean }

/**
 * A database stand-in: posts' live rows with their status and `updatedAt`, and a log of every
 * read, so the tests can tell which work a query caused.
 */
function fakeSource() {
  const rows = new Map<string, Row>()
  const reads: string[] = []
  let clock = 0
  const stamp = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString()
  const sorted = () => [...rows.values()].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
  const published = () => sorted().filter((row) => row.published)
  const since = (time: string) => sorted().filter((row) => row.updatedAt >= time)
  const source: SearchSource = {
    mark: async () => {
      reads.push('mark')
      const latest = sorted().at(-1)?.updatedAt ?? null
      return { latest, atLatest: latest ? since(latest).length : 0 }
    },
    counts: async (time) => {
      reads.push('counts')
      return {
        published: published().length,
        newer: time ? sorted().filter((row) => row.updatedAt > time).length : 0,
        atOrAfter: time ? since(time).length : 0,
      }
    },
    changedSince: async (time) => {
      reads.push('changedSince')
      return since(time).map(({ id, published, updatedAt }) => ({ id, published, updatedAt }))
    },
    all: async function* () {
      reads.push('all')
      yield published()
    },
    versions: async () => {
      reads.push('versions')
      return new Map(published().map((doc) => [doc.id, doc.updatedAt]))
    },
    byIds: async function* (ids) {
      reads.push(`byIds:${[...ids].sort().join(',')}`)
      yield published().filter((doc) => ids.includes(doc.id))
    },
    results: async () => [],
  }
  const write = (id: string, title: string, isPublished: boolean, updatedAt = stamp()) =>
    rows.set(id, {
      id,
      title,
      summary: '',
      body: '',
      publishedAt: null,
      updatedAt,
      published: isPublished,
    })
  return {
    source,
    reads,
    publish: (id: string, title: string, updatedAt?: string) => write(id, title, true, updatedAt),
    /** A draft-only post saved (its live row is a draft), or a published one unpublished. */
    saveDraft: (id: string, title: string) => write(id, title, false),
    remove: (id: string) => rows.delete(id),
  }
}

const search = async (index: ReturnType<typeof createSearchIndex>, term: string) =>
  (await index.fresh()).search([term], 0, 100)

describe('createSearchIndex', () => {
  it('builds on the first query, then costs one read of counts per unchanged query', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce valgo')
    const index = createSearchIndex(db.source)
    expect(await search(index, 'alluce')).toEqual({ total: 1, ids: ['a'] })
    expect(db.reads).toEqual(['mark', 'all'])
    db.reads.length = 0
    await search(index, 'alluce')
    await search(index, 'valgo')
    expect(db.reads).toEqual(['counts', 'counts'])
  })

  it('sees a publish, an edit, an unpublish and a deletion at the next query', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce valgo')
    db.publish('b', 'Tallone')
    const index = createSearchIndex(db.source)
    await index.fresh()

    db.publish('c', 'Alluce rigido')
    db.reads.length = 0
    expect((await search(index, 'alluce')).total).toBe(2)
    // Only the new post's text is read.
    expect(db.reads).toEqual(['counts', 'mark', 'changedSince', 'byIds:c'])

    db.publish('b', 'Tallone e alluce')
    expect((await search(index, 'alluce')).total).toBe(3)
    // The newest post edited again: its count at or after the mark stays 1, the newer one moves.
    db.publish('b', 'Tallone')
    expect((await search(index, 'alluce')).total).toBe(2)
    db.publish('b', 'Tallone e alluce')
    expect((await search(index, 'alluce')).total).toBe(3)
    expect((await search(index, 'tallone')).ids).toEqual(['b'])

    db.saveDraft('a', 'Alluce valgo')
    db.reads.length = 0
    expect((await search(index, 'valgo')).total).toBe(0)
    // Unpublished: seen in the changed rows, no text read.
    expect(db.reads).toEqual(['counts', 'mark', 'changedSince'])

    db.remove('c')
    db.reads.length = 0
    expect((await search(index, 'rigido')).total).toBe(0)
    // Deleted: the count dropped, one comparison of versions finds which.
    expect(db.reads).toEqual(['counts', 'mark', 'changedSince', 'versions'])
  })

  it('reads no text for a draft save', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce')
    const index = createSearchIndex(db.source)
    await index.fresh()
    db.saveDraft('new', 'Bozza sul tallone')
    db.reads.length = 0
    expect((await search(index, 'tallone')).total).toBe(0)
    expect(db.reads).toEqual(['counts', 'mark', 'changedSince'])
    db.reads.length = 0
    await search(index, 'tallone')
    expect(db.reads).toEqual(['counts'])
  })

  it('sees posts added without a newer updatedAt (bulk copies) through the count', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce', '2026-06-01T00:00:00.000Z')
    const index = createSearchIndex(db.source)
    await index.fresh()
    db.publish('old-copy', 'Alluce copia', '2020-01-01T00:00:00.000Z')
    expect((await search(index, 'copia')).ids).toEqual(['old-copy'])
    expect(db.reads.at(-1)).toBe('byIds:old-copy')
  })

  it('catches an edit with an older updatedAt at the periodic comparison', async () => {
    const db = fakeSource()
    let time = 0
    db.publish('a', 'Alluce', '2026-06-01T00:00:00.000Z')
    db.publish('b', 'Tallone', '2026-05-01T00:00:00.000Z')
    const index = createSearchIndex(db.source, { now: () => time, reconcileMs: 60_000 })
    await index.fresh()
    // Same counts: invisible to them.
    db.publish('b', 'Metatarsalgia', '2026-05-02T00:00:00.000Z')
    expect((await search(index, 'metatarsalgia')).total).toBe(0)
    time = 60_000
    // The comparison starts in the background; the query after it lands sees the edit.
    await search(index, 'metatarsalgia')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect((await search(index, 'metatarsalgia')).ids).toEqual(['b'])
  })

  it('shares one refresh among concurrent queries, and runs one more for those that waited', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce')
    const index = createSearchIndex(db.source)
    await index.fresh()
    db.reads.length = 0
    await Promise.all(Array.from({ length: 10 }, () => index.fresh()))
    expect(db.reads).toEqual(['counts', 'counts'])
  })

  it('fails the query when the database does, and builds again at the next one', async () => {
    const db = fakeSource()
    db.publish('a', 'Alluce')
    const mark = db.source.mark
    db.source.mark = async () => {
      throw new Error('database unavailable')
    }
    const index = createSearchIndex(db.source)
    await expect(index.fresh()).rejects.toThrow('database unavailable')
    db.source.mark = mark
    expect((await search(index, 'alluce')).ids).toEqual(['a'])
  })
})
