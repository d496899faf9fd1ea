import { describe, expect, it } from '@jest/globals'

import { SearchEngine } from '@/lib/search/engine'
import { ResultPages, ResultTexts, searchPublished } from '@/lib/search/search'
import type { ResultDocument } from '@/lib/search/source'

/*
 * Whole result pages kept by the index's revision (lib/search/search.ts): a popular query asked
 * again gets the same page without ranking or reading; any change to the index recomputes it.
 */

const post = (id: string, title: string, body: string) => ({
  id,
  title,
  slug: id,
  excerpt: null,
  body,
  publishedAt: '2026-11-01T08:00:00.000Z',
})

function setup() {
  const docs = new Map<string, ResultDocument>()
  const engine = new SearchEngine()
  const put = (doc: ResultDocument, updatedAt: string) => {
    docs.set(doc.id, doc)
    engine.upsert({ ...doc, summary: '', updatedAt })
  }
  put(post('a', 'Alluce valgo', 'osteotomia percutanea'), 'v1')
  put(post('b', 'Alluce rigido', 'cheilectomia'), 'v1')
  const reads: string[][] = []
  const source = {
    results: async (ids: readonly string[]) => {
      reads.push([...ids])
      return ids.flatMap((id) => (docs.has(id) ? [docs.get(id)!] : []))
    },
  }
  let ranked = 0
  const search = engine.search.bind(engine)
  engine.search = (...args) => {
    ranked++
    return search(...args)
  }
  const index = { fresh: async () => engine }
  const pages = new ResultPages()
  const texts = new ResultTexts()
  const ask = (q: string, page = 1) =>
    searchPublished(index, source, q.split(' '), page, texts, pages)
  return { engine, put, reads, ranked: () => ranked, ask, pages }
}

describe('ResultPages', () => {
  it('answers a query asked again from the kept page, without ranking or reading', async () => {
    const { ask, reads, ranked } = setup()
    const first = await ask('alluce')
    expect(first.total).toBe(2)
    expect(await ask('alluce')).toBe(first)
    expect(ranked()).toBe(1)
    expect(reads).toHaveLength(1)
    // Another query, or another page of it, is its own entry.
    await ask('alluce', 2)
    await ask('osteotomia')
    expect(ranked()).toBe(3)
  })

  it('ranks again after any change to the index: a new, edited or removed post shows at once', async () => {
    const { ask, put, engine } = setup()
    expect((await ask('alluce')).total).toBe(2)
    put(post('c', 'Alluce e scarpe', 'calzature'), 'v1')
    expect((await ask('alluce')).results.map((r) => r.id)).toContain('c')
    put(post('c', 'Scarpe comode', 'calzature'), 'v2')
    expect((await ask('alluce')).results.map((r) => r.id)).not.toContain('c')
    engine.remove('b')
    expect((await ask('alluce')).results.map((r) => r.id)).toEqual(['a'])
  })

  it('keeps at most its limit, the least recently used going first', () => {
    const pages = new ResultPages(2)
    const outcome = (total: number) => ({ total, page: 1, pageCount: 1, results: [] })
    pages.set('x', outcome(1))
    pages.set('y', outcome(2))
    pages.get('x')
    pages.set('z', outcome(3))
    expect(pages.get('y')).toBeUndefined()
    expect(pages.get('x')?.total).toBe(1)
    expect(pages.get('z')?.total).toBe(3)
  })

  it('gives two engines different revisions, so a rebuilt index never reuses a page', () => {
    const one = new SearchEngine()
    const two = new SearchEngine()
    expect(one.revision).not.toBe(two.revision)
    const before = one.revision
    one.upsert({ id: 'a', title: 'x', summary: '', body: '', publishedAt: null, updatedAt: 'v1' })
    expect(one.revision).not.toBe(before)
  })
})
