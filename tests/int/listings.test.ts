import { describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

/*
 * Issue 16: the paginated public listings (`/blog`, categories, authors) on the real database,
 * through the one listing helper the pages use, and the build's prerendered articles.
 */

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 10)).toISOString()

async function fixtures() {
  const { payload } = ctx
  const category = (title: string) =>
    payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title, slug: '', medical: false },
    })
  const feet = await category('Piede')
  const ankles = await category('Caviglia')
  const empty = await category('Vuota')
  const writer = await payload.create({
    ...QUIET,
    collection: 'authors',
    data: { name: 'Marta Conti', slug: '' },
  })
  const reviewer = await payload.create({
    ...QUIET,
    collection: 'authors',
    data: { name: 'Luca Bassi', slug: '' },
  })
  const publish = (n: number, extra: Record<string, unknown>) =>
    payload.create({
      ...QUIET,
      collection: 'posts',
      data: {
        title: `Articolo ${n}`,
        slug: `articolo-${n}`,
        content,
        _status: 'published',
        publishedAt: day(n),
        ...extra,
      },
    })
  // Seven in "Piede" by Marta (the 7th reviewed by Luca), four in "Caviglia" by Luca.
  for (let n = 1; n <= 7; n++)
    await publish(n, {
      categories: [feet.id],
      author: writer.id,
      ...(n === 7 ? { reviewedBy: reviewer.id } : {}),
    })
  for (let n = 8; n <= 11; n++) await publish(n, { categories: [ankles.id], author: reviewer.id })
  // A draft in "Piede" by Marta, newer than everything: never listed.
  await payload.create({
    ...QUIET,
    collection: 'posts',
    draft: true,
    data: {
      title: 'Bozza',
      slug: 'bozza',
      content,
      _status: 'draft',
      categories: [feet.id],
      author: writer.id,
    },
  })
  return { feet, ankles, empty, writer, reviewer }
}

const titles = (page: { docs: { title: string }[] } | null) => page?.docs.map((doc) => doc.title)

describe('paginated listings', () => {
  it('reads canonical page numbers only', async () => {
    const { parsePageNumber } = await import('@/lib/queries/listing')
    expect(['1', '2', '500', '99999'].map(parsePageNumber)).toEqual([1, 2, 500, 99999])
    for (const raw of ['0', '02', '2.0', '+2', '-1', '1e3', 'due', '', '100000', ' 2'])
      expect(parsePageNumber(raw)).toBeNull()
  })

  it('pages newest first through published posts, per category and per author, null past the end', async () => {
    const { feet, ankles, empty, writer, reviewer } = await fixtures()
    const { ALL_POSTS, getListingPage } = await import('@/lib/queries/listing')

    // Eleven published posts, five a page: 5 + 5 + 1, newest first, the draft left out.
    const first = await getListingPage(ALL_POSTS, 1, 5)
    expect(first).toMatchObject({ page: 1, totalPages: 3, totalDocs: 11 })
    expect(titles(first)).toEqual([11, 10, 9, 8, 7].map((n) => `Articolo ${n}`))
    expect(titles(await getListingPage(ALL_POSTS, 3, 5))).toEqual(['Articolo 1'])
    expect(await getListingPage(ALL_POSTS, 4, 5)).toBeNull()
    // Twelve a page by default: everything on page 1, nothing on page 2.
    expect(await getListingPage(ALL_POSTS, 1)).toMatchObject({ totalPages: 1, totalDocs: 11 })
    expect(await getListingPage(ALL_POSTS, 2)).toBeNull()

    const inFeet = { kind: 'category', category: feet } as const
    expect(await getListingPage(inFeet, 2, 5)).toMatchObject({ totalPages: 2, totalDocs: 7 })
    expect(titles(await getListingPage(inFeet, 2, 5))).toEqual(['Articolo 2', 'Articolo 1'])
    expect(await getListingPage(inFeet, 3, 5)).toBeNull()
    const inAnkles = await getListingPage({ kind: 'category', category: ankles }, 1, 5)
    expect(titles(inAnkles)).toEqual(['Articolo 11', 'Articolo 10', 'Articolo 9', 'Articolo 8'])

    // An empty listing still has its first page; nothing after it.
    const none = { kind: 'category', category: empty } as const
    expect(await getListingPage(none, 1)).toEqual({
      docs: [],
      page: 1,
      totalPages: 1,
      totalDocs: 0,
    })
    expect(await getListingPage(none, 2)).toBeNull()

    // An author's pages list what they wrote or medically reviewed.
    const byWriter = await getListingPage({ kind: 'author', author: writer }, 1, 5)
    expect(byWriter).toMatchObject({ totalPages: 2, totalDocs: 7 })
    const byReviewer = await getListingPage({ kind: 'author', author: reviewer }, 1, 5)
    expect(titles(byReviewer)).toEqual([11, 10, 9, 8, 7].map((n) => `Articolo ${n}`))
    expect(await getListingPage({ kind: 'author', author: reviewer }, 2, 5)).toBeNull()
  })

  it('prerenders only the newest 10 articles at build time', async () => {
    const { PRERENDERED_POSTS } = await import('@/lib/queries/posts')
    const { generateStaticParams } = await import('@/app/(frontend)/blog/[slug]/page')
    expect(PRERENDERED_POSTS).toBe(10)
    // The eleven published posts above: the 10 newest, newest first; the oldest and the draft
    // are not prerendered.
    const params = await generateStaticParams()
    expect(params).toHaveLength(10)
    expect(params[0]).toEqual({ slug: 'articolo-11' })
    expect(params.at(-1)).toEqual({ slug: 'articolo-2' })
    expect(params).not.toContainEqual({ slug: 'bozza' })
  })
})
