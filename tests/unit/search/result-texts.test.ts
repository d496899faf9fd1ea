import { describe, expect, it } from '@jest/globals'

import { ResultTexts } from '@/lib/search/search'
import type { ResultDocument } from '@/lib/search/source'

const doc = (id: string, body = `testo di ${id}`): ResultDocument => ({
  id,
  title: `Titolo ${id}`,
  slug: id,
  excerpt: null,
  body,
  publishedAt: null,
})

/** A source that records which ids each read asked for. */
function recordingSource(bodies: Map<string, string>) {
  const reads: string[][] = []
  return {
    reads,
    results: async (ids: readonly string[]) => {
      reads.push([...ids])
      return ids.filter((id) => bodies.has(id)).map((id) => doc(id, bodies.get(id)))
    },
  }
}

describe('ResultTexts', () => {
  const versions = new Map([
    ['a', 'v1'],
    ['b', 'v1'],
    ['c', 'v1'],
  ])
  const engine = { versionOf: (id: string) => versions.get(id) }

  it('reads a page of results once, then serves it from memory', async () => {
    const source = recordingSource(
      new Map([
        ['a', 'uno'],
        ['b', 'due'],
      ]),
    )
    const texts = new ResultTexts()
    expect((await texts.read(engine, source, ['a', 'b'])).map((d) => d.body)).toEqual([
      'uno',
      'due',
    ])
    expect((await texts.read(engine, source, ['b', 'a'])).map((d) => d.id)).toEqual(['b', 'a'])
    expect(source.reads).toEqual([['a', 'b']])
  })

  it('reads a post again once the index holds a newer version of it', async () => {
    const bodies = new Map([['a', 'prima']])
    const source = recordingSource(bodies)
    const texts = new ResultTexts()
    await texts.read(engine, source, ['a'])
    bodies.set('a', 'dopo')
    versions.set('a', 'v2')
    expect((await texts.read(engine, source, ['a'])).map((d) => d.body)).toEqual(['dopo'])
    expect(source.reads).toEqual([['a'], ['a']])
    versions.set('a', 'v1')
  })

  it('keeps at most its limit, dropping the least recently used', async () => {
    const source = recordingSource(
      new Map([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
    )
    const texts = new ResultTexts(2)
    await texts.read(engine, source, ['a', 'b'])
    await texts.read(engine, source, ['a']) // a used again: b is now the oldest
    await texts.read(engine, source, ['c'])
    await texts.read(engine, source, ['a', 'b'])
    expect(source.reads).toEqual([['a', 'b'], ['c'], ['b']])
  })

  it('does not keep a post the source no longer returns (unpublished meanwhile)', async () => {
    const source = recordingSource(new Map())
    const texts = new ResultTexts()
    expect(await texts.read(engine, source, ['a'])).toEqual([])
    expect(await texts.read(engine, source, ['a'])).toEqual([])
    expect(source.reads).toEqual([['a'], ['a']])
  })
})
