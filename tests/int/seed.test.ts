import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'
import { lexicalHeadings, lexicalToPlainText } from '@/lib/text-import'
import { seed } from '@/seed/seed'

import { QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

// Expectations computed straight from the clinic's source text, independently of the parser.
const source = readFileSync(
  path.join(process.cwd(), 'seed/content/intervento-mini-invasivo-alluce-valgo.txt'),
  'utf8',
)
const sourceBlocks = source.split(/\n\s*\n/).map((block) => block.trim())
const SOURCE_TITLE = 'Cos’è l’intervento mini invasivo alluce valgo'
const SOURCE_HEADINGS = [SOURCE_TITLE, 'I vantaggi di questa procedura chirurgica']
const SOURCE_PARAGRAPHS = sourceBlocks.slice(1).filter((block) => !SOURCE_HEADINGS.includes(block))

const ctx = setupTestPayload()

const findPost = async (slug: string) => {
  const { docs } = await ctx.payload.find({
    collection: 'posts',
    where: { slug: { equals: slug } },
    depth: 1,
    overrideAccess: false,
  })
  return docs[0] as Post | undefined
}

/** Everything a seed could touch, to compare before and after a run. */
const snapshot = async () => {
  const collections = ['posts', 'categories', 'authors', 'media', 'users'] as const
  const result: Record<string, unknown> = {}
  for (const collection of collections) {
    const { docs } = await ctx.payload.find({ collection, limit: 100, depth: 0, sort: 'id' })
    result[collection] = docs.map((doc) => ({ id: doc.id, updatedAt: doc.updatedAt }))
  }
  result.postVersions = (await ctx.payload.countVersions({ collection: 'posts' })).totalDocs
  result.clinic = (await ctx.payload.findGlobal({ slug: 'clinic', depth: 0 })).updatedAt
  return result
}

describe('seed', () => {
  it('creates the clinic article exactly as the source text says, published', async () => {
    const report = await seed(ctx.payload)
    expect(report.created).toContain('post intervento-mini-invasivo-alluce-valgo')

    const post = await findPost('intervento-mini-invasivo-alluce-valgo')
    expect(post).toBeDefined()
    expect(post?.title).toBe(SOURCE_TITLE)
    expect(post?._status).toBe('published')
    expect(post?.publishedAt).toEqual(expect.any(String))

    const headings = lexicalHeadings(post!.content)
    expect(headings).toEqual(SOURCE_HEADINGS.map((text) => ({ level: 2, text })))

    const bodyBlocks = lexicalToPlainText(post!.content).split('\n\n')
    expect(SOURCE_PARAGRAPHS).toHaveLength(5)
    for (const paragraph of SOURCE_PARAGRAPHS) expect(bodyBlocks).toContain(paragraph)
    // Headings and paragraphs in the source's order.
    expect(bodyBlocks).toEqual(sourceBlocks.slice(1))
  })

  it('fills SEO, procedure facts and FAQ with what the source states', async () => {
    const post = await findPost('intervento-mini-invasivo-alluce-valgo')
    const title = post?.meta?.title ?? ''
    const description = post?.meta?.description ?? ''
    expect(title.length).toBeGreaterThanOrEqual(50)
    expect(title.length).toBeLessThanOrEqual(60)
    expect(description.length).toBeGreaterThanOrEqual(120)
    expect(description.length).toBeLessThanOrEqual(160)
    expect(post?.faq?.length).toBeGreaterThanOrEqual(3)
    expect(post?.faq?.length).toBeLessThanOrEqual(5)
    const facts = JSON.stringify([post?.procedure, post?.faq])
    for (const fact of [
      'pochi millimetri',
      'osteotomie correttive',
      'viti o cambrie',
      'subito ad appoggiare',
      '30/40 giorni',
      'visita specialistica',
      'esami radiologici',
    ]) {
      expect(facts).toContain(fact)
    }
  })

  it('links author, reviewer, categories and at least three sample related posts', async () => {
    const post = await findPost('intervento-mini-invasivo-alluce-valgo')
    const author = post?.author as { name: string; slug: string }
    const reviewer = post?.reviewedBy as { slug: string }
    expect(author.slug).toBe('marco-ferri')
    expect(reviewer.slug).toBe('marco-ferri')
    expect(post?.lastReviewedAt).toEqual(expect.any(String))
    const categories = (post?.categories ?? []) as { slug: string }[]
    expect(categories.map((category) => category.slug).sort()).toEqual([
      'alluce-valgo',
      'chirurgia-del-piede',
    ])
    const relatedIds = ((post?.relatedPosts ?? []) as Post[]).map((item) => item.id)
    expect(relatedIds.length).toBeGreaterThanOrEqual(3)
    const { docs: related } = await ctx.payload.find({
      collection: 'posts',
      where: { id: { in: relatedIds } },
      overrideAccess: false,
    })
    expect(related).toHaveLength(relatedIds.length)
    for (const item of related) expect(item.sampleContent).toBe(true)
    const hero = post?.heroImage as {
      alt: string
      mimeType: string
      sizes?: { social?: { width?: number; height?: number } }
    }
    expect(hero.mimeType).toBe('image/png')
    expect(hero.alt.length).toBeGreaterThan(10)
    expect(hero.sizes?.social).toMatchObject({ width: 1200, height: 630 })
  })

  it('publishes the privacy and cookie pages the footer and the booking form link to', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'pages',
      overrideAccess: false,
      sort: 'slug',
    })
    expect(docs.map((page) => [page.slug, page.title])).toEqual([
      ['cookie', 'Cookie policy'],
      ['privacy', 'Informativa sulla privacy'],
    ])
  })

  it('marks the clinic as demo data and creates the first admin once', async () => {
    const clinic = await ctx.payload.findGlobal({ slug: 'clinic', depth: 1 })
    expect(clinic.isDemo).toBe(true)
    expect(clinic.name).toMatch(/demo/i)
    expect((clinic.medicalDirector as { slug: string }).slug).toBe('marco-ferri')
    const { docs: users } = await ctx.payload.find({ collection: 'users' })
    expect(users).toHaveLength(1)
    expect(users[0]).toMatchObject({ email: 'admin@example.com', role: 'admin' })
  })

  it('changes nothing when run a second time', async () => {
    const before = await snapshot()
    const report = await seed(ctx.payload)
    expect(report.created).toEqual([])
    expect(report.admin).toBeUndefined()
    expect(await snapshot()).toEqual(before)
  })

  it('keeps an editor’s correction instead of overwriting it', async () => {
    const post = await findPost('intervento-mini-invasivo-alluce-valgo')
    await ctx.payload.update({
      collection: 'posts',
      id: post!.id,
      data: { title: 'Titolo corretto dalla redazione' },
      ...QUIET,
    })
    await seed(ctx.payload)
    expect((await findPost('intervento-mini-invasivo-alluce-valgo'))?.title).toBe(
      'Titolo corretto dalla redazione',
    )
  })

  it('wipes and reseeds with --reset, keeping user accounts', async () => {
    // The previous test left an editor's title in place: a reset brings back the source's.
    const oldPost = await findPost('intervento-mini-invasivo-alluce-valgo')
    expect(oldPost?.title).not.toBe(SOURCE_TITLE)
    const report = await seed(ctx.payload, { reset: true })
    const post = await findPost('intervento-mini-invasivo-alluce-valgo')
    expect(post?.id).not.toBe(oldPost?.id)
    expect(post?.title).toBe(SOURCE_TITLE)
    expect(report.created).toContain('post intervento-mini-invasivo-alluce-valgo')
    expect((await ctx.payload.count({ collection: 'posts' })).totalDocs).toBe(4)
    expect((await ctx.payload.count({ collection: 'media' })).totalDocs).toBe(3)
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(1)
  })
})
