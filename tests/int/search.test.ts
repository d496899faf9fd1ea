import { beforeAll, describe, expect, it } from '@jest/globals'

import { lexicalToPlainText } from '@/lib/text-import'
import { loadSearchablePosts, type SearchablePost } from '@/lib/search/load'
import { normalizeForSearch } from '@/lib/search/normalize'
import { rankDocuments } from '@/lib/search/rank'
import { searchDocuments } from '@/lib/search/search'
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

/** Slugs of the matches, best first, over posts loaded exactly as the site search loads them. */
const search = async (query: string) =>
  rankDocuments(await loadSearchablePosts(ctx.payload), query).map((match) => match.doc.slug)

beforeAll(async () => {
  await seed(ctx.payload)
  const draft = await ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    draft: true,
    data: {
      title: 'Bozza: osteotomie percutanee',
      slug: '',
      excerpt: 'Le osteotomie spiegate in una bozza mai pubblicata.',
      content: paragraphBody('Osteotomie, alluce e invasività: testo della bozza.'),
      _status: 'draft',
    },
  })
  draftId = draft.id
}, 120_000)

describe('site search on the seeded blog', () => {
  it('loads published posts only, with their body as plain text', async () => {
    const posts = await loadSearchablePosts(ctx.payload)
    expect(posts.map((post) => post.slug)).toEqual(expect.arrayContaining(SEEDED))
    expect(posts.map((post) => post.id)).not.toContain(draftId)
    expect(posts.every((post) => !post.title.startsWith('Bozza'))).toBe(true)
    const main = posts.find((post) => post.slug === MAIN) as SearchablePost
    // The source text has non-breaking spaces: compare normalised text.
    expect(normalizeForSearch(main.body)).toContain(
      'si procede a effettuare le osteotomie correttive',
    )
    expect(main.publishedAt).toEqual(expect.any(String))
    // The draft exists, for staff.
    const draft = await ctx.payload.findByID({ collection: 'posts', id: draftId, draft: true })
    expect(draft._status).toBe('draft')
  })

  it('finds the seeded article for "osteotomie", never the draft', async () => {
    expect(await search('osteotomie')).toEqual([MAIN])
    // Not a vacuous check: ranked together with drafts, the draft would match.
    const { docs: everything } = await ctx.payload.find({
      collection: 'posts',
      draft: true,
      pagination: false,
      depth: 0,
    })
    const withDrafts = everything.map((post) => ({
      ...post,
      body: lexicalToPlainText(post.content),
    }))
    expect(rankDocuments(withDrafts, 'osteotomie').map((match) => match.doc.id)).toContain(draftId)
  })

  it('is case-insensitive', async () => {
    expect(await search('OSTEOTOMIE')).toEqual([MAIN])
  })

  it('is accent-insensitive on real data', async () => {
    expect(await search('invasivita')).toEqual([MAIN])
    expect(await search('invasività')).toEqual([MAIN])
    // "più diffusa" only occurs in the seeded article; "perché" in other posts too.
    expect(await search('PIU DIFFUSA')).toEqual([MAIN])
    expect((await search('perche')).length).toBeGreaterThan(1)
  })

  it('finds every published post mentioning "alluce", title matches first', async () => {
    const matches = rankDocuments(await loadSearchablePosts(ctx.payload), 'alluce')
    const slugs = matches.map((match) => match.doc.slug)
    expect(slugs).toEqual(expect.arrayContaining(SEEDED))
    // Every title match comes before every body- or excerpt-only match (one term: `titleTerms`
    // is 1 or 0), and within each group the higher score comes first (see rankDocuments).
    for (const [index, match] of matches.slice(1).entries()) {
      const before = matches[index]!
      expect(before.titleTerms).toBeGreaterThanOrEqual(match.titleTerms)
      if (before.titleTerms === match.titleTerms) {
        expect(before.score).toBeGreaterThanOrEqual(match.score)
      }
    }
    for (const match of matches) {
      expect(match.titleTerms > 0).toBe(normalizeForSearch(match.doc.title).includes('alluce'))
    }
    // Metatarsalgia mentions the alluce only in its body: after the three alluce titles.
    const last = slugs.indexOf('metatarsalgia-il-dolore-sotto-l-avampiede')
    for (const slug of SEEDED.filter((item) => item.includes('alluce'))) {
      expect(slugs.indexOf(slug)).toBeLessThan(last)
    }
    expect(await search('l’alluce')).toEqual(slugs)
    expect(await search('ALLUCE')).toEqual(slugs)
  })

  it('requires every term', async () => {
    expect(await search('alluce metatarsalgia')).toEqual([
      'metatarsalgia-il-dolore-sotto-l-avampiede',
    ])
    expect(await search('osteotomie tallone')).toEqual([])
  })

  it('builds a snippet highlighting the original accented words', async () => {
    const { total, results } = searchDocuments(await loadSearchablePosts(ctx.payload), 'invasivita')
    expect(total).toBe(1)
    const marks = results[0]?.snippet.filter((segment) => segment.match).map((s) => s.text)
    expect(marks).toEqual(['invasività'])
    const text = results[0]?.snippet.map((segment) => segment.text).join('') ?? ''
    expect(text.length).toBeLessThanOrEqual(200)
    expect(text).toContain('il grado di invasività si è ridotto')
  })

  it('keeps an unpublished edit of a published post out of the results', async () => {
    const [main] = (
      await ctx.payload.find({ collection: 'posts', where: { slug: { equals: MAIN } }, limit: 1 })
    ).docs
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: main!.id,
      draft: true,
      data: { title: 'Titolo in bozza con parolasegretissima', _status: 'draft' },
    })
    expect(await search('parolasegretissima')).toEqual([])
    expect(await search('osteotomie')).toEqual([MAIN])
  })

  it('drives the page’s query function the same way', async () => {
    // lib/queries/search.ts reaches Payload through @/lib/payload, whose config this file's
    // helper has already loaded with the test environment: the same instance answers.
    const { searchPublishedPosts } = await import('@/lib/queries/search')
    const { total, results } = await searchPublishedPosts('OSTEOTOMIE')
    expect(total).toBe(1)
    expect(results[0]?.slug).toBe(MAIN)
  })
})
