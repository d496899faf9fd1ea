import { describe, expect, it } from '@jest/globals'

import {
  indexTerms,
  MAX_PREFIX_WORDS,
  SearchEngine,
  type IndexableDocument,
} from '@/lib/search/engine'
import { tokenizeQuery } from '@/lib/search/normalize'

const doc = (id: string, fields: Partial<IndexableDocument> = {}): IndexableDocument => ({
  id,
  title: `Articolo ${id}`,
  summary: '',
  body: '',
  publishedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
})

const engineWith = (...docs: IndexableDocument[]) => {
  const engine = new SearchEngine()
  for (const item of docs) engine.upsert(item)
  return engine
}

const ids = (engine: SearchEngine, query: string, offset = 0, limit = 100) =>
  engine.search(tokenizeQuery(query), offset, limit)

describe('indexTerms', () => {
  it('folds accents, case and apostrophes, drops one-letter words and repeats', () => {
    expect(indexTerms('L’INVASIVITÀ è più bassa: l’alluce, l’alluce!')).toEqual([
      'invasivita',
      'piu',
      'bassa',
      'alluce',
    ])
  })
})

describe('SearchEngine', () => {
  it('matches whole words regardless of accents, case and apostrophes', () => {
    const engine = engineWith(
      doc('a', { body: 'Il grado di invasività si è ridotto.' }),
      doc('b', { body: 'Dell’alluce valgo parliamo QUI.' }),
    )
    expect(ids(engine, 'INVASIVITA')).toEqual({ total: 1, ids: ['a'] })
    expect(ids(engine, 'invasività')).toEqual({ total: 1, ids: ['a'] })
    expect(ids(engine, 'l’alluce')).toEqual({ total: 1, ids: ['b'] })
    expect(ids(engine, 'qui')).toEqual({ total: 1, ids: ['b'] })
    // Four letters or more also stand for the words they begin…
    expect(ids(engine, 'ridot')).toEqual({ total: 1, ids: ['a'] })
    // …three only for the whole word.
    expect(ids(engine, 'dol')).toEqual({ total: 0, ids: [] })
    expect(ids(engine, 'tallone')).toEqual({ total: 0, ids: [] })
  })

  it('requires every term, anywhere in the post', () => {
    const engine = engineWith(
      doc('a', { title: 'Alluce valgo', body: 'Le osteotomie.' }),
      doc('b', { title: 'Alluce rigido', body: 'Il tallone.' }),
    )
    expect(ids(engine, 'alluce osteotomie')).toEqual({ total: 1, ids: ['a'] })
    expect(ids(engine, 'alluce')).toMatchObject({ total: 2 })
    expect(ids(engine, 'osteotomie tallone')).toEqual({ total: 0, ids: [] })
  })

  it('ranks title matches first, then excerpt or headings, then newest', () => {
    const engine = engineWith(
      doc('body-new', { body: 'alluce', publishedAt: '2026-05-01T00:00:00.000Z' }),
      doc('body-old', { body: 'alluce', publishedAt: '2026-01-01T00:00:00.000Z' }),
      doc('summary', { summary: 'Alluce', publishedAt: '2025-01-01T00:00:00.000Z' }),
      doc('title-old', { title: 'L’alluce', publishedAt: '2024-01-01T00:00:00.000Z' }),
      doc('title-new', { title: 'Alluce', publishedAt: '2025-06-01T00:00:00.000Z' }),
      doc('two-in-title', {
        title: 'Alluce valgo',
        publishedAt: '2020-01-01T00:00:00.000Z',
      }),
    )
    expect(ids(engine, 'alluce').ids).toEqual([
      'title-new',
      'title-old',
      'two-in-title',
      'summary',
      'body-new',
      'body-old',
    ])
    // Two terms: the post with both in its title comes first, even though it is the oldest.
    const engine2 = engineWith(
      doc('one', { title: 'Alluce', body: 'valgo', publishedAt: '2026-01-01T00:00:00.000Z' }),
      doc('both', { title: 'Alluce valgo', publishedAt: '2020-01-01T00:00:00.000Z' }),
    )
    expect(ids(engine2, 'alluce valgo').ids).toEqual(['both', 'one'])
  })

  it('pages through the ranking with an exact total', () => {
    const docs = Array.from({ length: 25 }, (_, index) =>
      doc(`d${String(index).padStart(2, '0')}`, {
        body: 'piede',
        publishedAt: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
      }),
    )
    const engine = engineWith(...docs)
    const page = (offset: number) => ids(engine, 'piede', offset, 10)
    expect(page(0)).toEqual({
      total: 25,
      ids: ['d24', 'd23', 'd22', 'd21', 'd20', 'd19', 'd18', 'd17', 'd16', 'd15'],
    })
    expect(page(20)).toEqual({ total: 25, ids: ['d04', 'd03', 'd02', 'd01', 'd00'] })
    expect(page(30)).toEqual({ total: 25, ids: [] })
  })

  it('replaces a post’s version on upsert and forgets it on remove', () => {
    const engine = engineWith(doc('a', { title: 'Vecchio titolo', updatedAt: 'v1' }))
    expect(engine.versionOf('a')).toBe('v1')
    engine.upsert(doc('a', { title: 'Nuovo titolo', updatedAt: 'v2' }))
    expect(engine.size).toBe(1)
    expect(engine.versionOf('a')).toBe('v2')
    expect(ids(engine, 'vecchio')).toEqual({ total: 0, ids: [] })
    expect(ids(engine, 'nuovo')).toEqual({ total: 1, ids: ['a'] })
    engine.remove('a')
    engine.remove('missing')
    expect(engine.size).toBe(0)
    expect(engine.versionOf('a')).toBeUndefined()
    expect(ids(engine, 'nuovo')).toEqual({ total: 0, ids: [] })
    // A freed slot is reused without mixing the old post's words into the new one.
    engine.upsert(doc('b', { title: 'Tallone' }))
    expect(ids(engine, 'titolo')).toEqual({ total: 0, ids: [] })
    expect(ids(engine, 'tallone')).toEqual({ total: 1, ids: ['b'] })
    expect([...engine.ids()]).toEqual(['b'])
  })

  it('expands a prefix to at most MAX_PREFIX_WORDS words', () => {
    const docs = Array.from({ length: MAX_PREFIX_WORDS + 5 }, (_, index) =>
      doc(`p${index}`, { body: `prefisso${String(index).padStart(3, '0')}` }),
    )
    const engine = engineWith(...docs)
    expect(ids(engine, 'prefisso').total).toBe(MAX_PREFIX_WORDS)
    expect(ids(engine, 'prefisso054')).toEqual({ total: 1, ids: ['p54'] })
  })

  it('finds nothing without terms or documents', () => {
    expect(new SearchEngine().search(['alluce'], 0, 10)).toEqual({ total: 0, ids: [] })
    expect(engineWith(doc('a', { body: 'alluce' })).search([], 0, 10)).toEqual({
      total: 0,
      ids: [],
    })
  })
})
