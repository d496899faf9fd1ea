import { beforeAll, describe, expect, it } from '@jest/globals'

import { tokenizeQuery } from '@/lib/search/normalize'
import { PAGE_SIZE, searchPublished } from '@/lib/search/search'
import { payloadSearchSource, type SearchSource } from '@/lib/search/source'
import { createSearchIndex } from '@/lib/search/sync'
import { seed } from '@/seed/seed'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const MAIN = 'intervento-mini-invasivo-alluce-valgo'
/** The published posts the seed creates. */
const SEEDED = [
  'alluce-valgo-che-cos-e-e-come-si-riconosce',
  'dopo-l-intervento-all-alluce-valgo-le-scarpe-ortopediche',
  MAIN,
  'metatarsalgia-il-dolore-sotto-l-avampiede',
]

const ctx = setupTestPayload()
let draftId: string

/** The Payload source with a log of the reads it made, to tell which work a query caused. */
function loggedSource() {
  const source = payloadSearchSource(async () => ctx.payload)
  const reads: string[] = []
  const logged: SearchSource = {
    ...source,
    mark: () => (reads.push('mark'), source.mark()),
    counts: (since) => (reads.push('counts'), source.counts(since)),
    changedSince: (since) => (reads.push('changedSince'), source.changedSince(since)),
    all: () => (reads.push('all'), source.all()),
    versions: () => (reads.push('versions'), source.versions()),
    byIds: (ids) => (reads.push('byIds'), source.byIds(ids)),
  }
  return { source: logged, reads }
}

function siteSearch() {
  const { source, reads } = loggedSource()
  const index = createSearchIndex(source)
  const search = (q: string, page = 1) => searchPublished(index, source, tokenizeQuery(q), page)
  /** The slugs found; the exact total must agree (a stale index would count a post it no longer shows). */
  const slugs = async (q: string) => {
    const { total, results } = await search(q)
    if (total <= PAGE_SIZE) expect({ q, total }).toEqual({ q, total: results.length })
    return results.map((result) => result.slug)
  }
  return { index, reads, search, slugs }
}

const createPost = (title: string, text: string, status: 'draft' | 'published' = 'published') =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    draft: status === 'draft',
    data: { title, slug: '', content: paragraphBody(text), _status: status },
  })

beforeAll(async () => {
  await seed(ctx.payload)
  draftId = (await createPost('Bozza: osteotomie percutanee', 'Osteotomie e invasività.', 'draft'))
    .id
}, 120_000)

describe('site search on the seeded blog', () => {
  const site = siteSearch()

  it('indexes the published posts only, reading them as the public', async () => {
    const engine = await site.index.fresh()
    const published = await ctx.payload.count({
      collection: 'posts',
      where: { _status: { equals: 'published' } },
    })
    expect(engine.size).toBe(published.totalDocs)
    expect([...engine.ids()]).not.toContain(draftId)
    // Not vacuous: the draft exists and would match.
    const draft = await ctx.payload.findByID({ collection: 'posts', id: draftId, draft: true })
    expect(draft.title).toBe('Bozza: osteotomie percutanee')
    expect(await site.slugs('osteotomie')).toEqual([MAIN])
    expect(await site.slugs('percutanee')).toEqual([])
  })

  it('folds accents, apostrophes and case on real data', async () => {
    expect(await site.slugs('invasivita')).toEqual([MAIN])
    expect(await site.slugs('INVASIVITÀ')).toEqual([MAIN])
    expect(await site.slugs('OSTEOTOMIE')).toEqual([MAIN])
    expect(await site.slugs('PIU DIFFUSA')).toEqual([MAIN])
    expect((await site.search('perche')).total).toBeGreaterThan(1)
    expect(await site.slugs('l’alluce')).toEqual(await site.slugs('ALLUCE'))
  })

  it('ranks title matches first, and requires every term', async () => {
    const slugs = await site.slugs('alluce')
    expect(slugs).toEqual(expect.arrayContaining(SEEDED))
    // Metatarsalgia mentions the alluce only in its body: after the three alluce titles.
    expect(slugs.at(-1)).toBe('metatarsalgia-il-dolore-sotto-l-avampiede')
    expect(await site.slugs('alluce metatarsalgia')).toEqual([
      'metatarsalgia-il-dolore-sotto-l-avampiede',
    ])
    expect(await site.slugs('osteotomie tallone')).toEqual([])
  })

  it('builds the snippet from the post’s text, highlighting the original accented word', async () => {
    const { total, results } = await site.search('invasivita')
    expect(total).toBe(1)
    expect(results[0]?.title).toBe('Cos’è l’intervento mini invasivo alluce valgo')
    expect(results[0]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['invasività'])
    const text = results[0]?.snippet.map((segment) => segment.text).join('') ?? ''
    expect(text.length).toBeLessThanOrEqual(200)
    expect(text).toContain('il grado di invasività si è ridotto')
  })

  it('ignores a draft save of a published post: no re-read, old text still found', async () => {
    const [main] = (
      await ctx.payload.find({ collection: 'posts', where: { slug: { equals: MAIN } }, limit: 1 })
    ).docs
    await site.index.fresh()
    site.reads.length = 0
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: main!.id,
      draft: true,
      data: { title: 'Titolo in bozza con parolasegretissima', _status: 'draft' },
    })
    expect(await site.slugs('parolasegretissima')).toEqual([])
    expect(await site.slugs('osteotomie')).toEqual([MAIN])
    // The live row did not change: two counts per query, nothing else.
    expect(site.reads).toEqual(['counts', 'counts'])
  })

  it('drives the page’s query function the same way', async () => {
    // lib/queries/search.ts reaches Payload through @/lib/payload, whose config this file's
    // helper has already loaded with the test environment: the same instance answers.
    const { searchPublishedPosts } = await import('@/lib/queries/search')
    const { total, results, page, pageCount } = await searchPublishedPosts(['osteotomie'])
    expect({ total, page, pageCount, slugs: results.map((r) => r.slug) }).toEqual({
      total: 1,
      page: 1,
      pageCount: 1,
      slugs: [MAIN],
    })
  })
})

describe('keeping the index in step with publishing', () => {
  // Two indexes on one database: two app instances, each with its own memory.
  const first = siteSearch()
  const second = siteSearch()

  it('sees a publish, an edit, an unpublish and a deletion at the next query, on both', async () => {
    await Promise.all([first.index.fresh(), second.index.fresh()])

    const post = await createPost(
      'Il neuroma di Morton',
      'Dolore interdigitale tra il terzo e il quarto dito.',
    )
    for (const site of [first, second]) {
      expect(await site.slugs('neuroma')).toEqual([post.slug])
      expect(await site.slugs('interdigitale')).toEqual([post.slug])
    }
    // Re-read the changes only, not the archive.
    expect(first.reads.filter((read) => read === 'all')).toEqual(['all'])

    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { title: 'La sindrome di Morton' },
    })
    for (const site of [second, first]) {
      expect(await site.slugs('neuroma')).toEqual([])
      expect(await site.slugs('sindrome morton')).toEqual([post.slug])
    }

    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { _status: 'draft' },
    })
    const live = await ctx.payload.find({
      collection: 'posts',
      overrideAccess: false,
      where: { id: { equals: post.id } },
    })
    expect(live.totalDocs).toBe(0)
    for (const site of [first, second]) expect(await site.slugs('morton')).toEqual([])

    const other = await createPost('Fascite plantare', 'Il dolore sotto il tallone.')
    for (const site of [first, second]) expect(await site.slugs('fascite')).toEqual([other.slug])
    await ctx.payload.delete({ ...QUIET, collection: 'posts', id: other.id })
    first.reads.length = 0
    for (const site of [second, first]) expect(await site.slugs('fascite')).toEqual([])
    // The count dropped: one comparison of versions (ids and dates) finds which; no text read.
    expect(first.reads).toEqual(['counts', 'mark', 'changedSince', 'versions'])
  })

  it('never indexes a new draft', async () => {
    await first.index.fresh()
    first.reads.length = 0
    await createPost('Bozza sul cavismo', 'Il piede cavo.', 'draft')
    expect(await first.slugs('cavismo')).toEqual([])
    // Its row is new, so it is looked at (status and date only), and its text never read.
    expect(first.reads).toEqual(['counts', 'mark', 'changedSince'])
  })
})

describe('an archive past 1,000 posts', () => {
  const COPIES = 1_050
  const site = siteSearch()

  beforeAll(async () => {
    // Straight into the database (no hooks, no versions): the search reads the live rows only.
    const content = paragraphBody('Una copia sulla borsite del calcagno.')
    for (let i = 1; i <= COPIES; i++) {
      await ctx.payload.db.create({
        collection: 'posts',
        data: {
          title: `Borsite, copia ${i}`,
          slug: `borsite-copia-${i}`,
          content,
          _status: 'published',
          publishedAt: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(),
        },
      })
    }
  }, 120_000)

  it('counts every match exactly and pages through them, newest first', async () => {
    const firstPage = await site.search('borsite')
    expect(firstPage).toMatchObject({ total: COPIES, page: 1, pageCount: 105 })
    expect(firstPage.results.map((result) => result.slug)).toEqual(
      Array.from({ length: 10 }, (_, i) => `borsite-copia-${COPIES - i}`),
    )
    expect(firstPage.results[0]?.snippet.find((s) => s.match)?.text).toBe('borsite')
    const last = await site.search('borsite', 105)
    expect(last.results.map((result) => result.slug)).toEqual(
      Array.from({ length: 10 }, (_, i) => `borsite-copia-${10 - i}`),
    )
    expect((await site.search('borsite', 106)).results).toEqual([])
    expect((await site.search('calcagno copia')).total).toBe(COPIES)
  })
})
