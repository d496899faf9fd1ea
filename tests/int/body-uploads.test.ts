import { describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import type { Post } from '@/payload-types'
import { backfillBodyUploads } from '@/lib/revalidation/backfill-body-uploads'
import { mediaDependents } from '@/lib/revalidation/dependents'

import { paragraphBody, QUIET, uploadsBody } from './helpers/fixtures'
import { setupRestPayload } from './helpers/rest'

/*
 * `bodyUploads` (fields/bodyUploads.ts): the media a body shows, kept on every save so that a
 * media change finds its articles with one query (lib/revalidation/dependents.ts). Nobody can
 * set or read it from outside, and the migration fills it for documents saved before it existed.
 */

const ctx = setupRestPayload()

let images = 0
async function image(): Promise<string> {
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#468' } })
    .png()
    .toBuffer()
  const name = `figura-${++images}.png`
  const doc = await ctx.payload.create({
    ...QUIET,
    collection: 'media',
    data: { alt: `Figura ${images}` },
    file: { data: png, mimetype: 'image/png', name, size: png.length },
  })
  return doc.id
}

const publish = (title: string, content: unknown, extra: Partial<Post> = {}) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    data: { title, slug: '', _status: 'published', content: content as Post['content'], ...extra },
  })

/** `bodyUploads` as stored (the system reads it; nobody else can). */
const stored = async (collection: 'posts' | 'pages', id: string) => {
  const doc = await ctx.payload.findByID({ collection, id, depth: 0, draft: false })
  return (doc as { bodyUploads?: string[] | null }).bodyUploads ?? []
}

describe('bodyUploads', () => {
  it('follows the body on every save, whatever a client sends', async () => {
    const [a, b] = [await image(), await image()]
    const post = await publish('Con figure', uploadsBody(a, b, a))
    expect(await stored('posts', post.id)).toEqual([a, b])

    // An editor's REST save that tries to set it: ignored, the body decides.
    const { status } = await ctx.rest('PATCH', `/posts/${post.id}`, {
      token: ctx.team.tokens.editor,
      json: { content: uploadsBody(b), bodyUploads: [a] },
    })
    expect(status).toBe(200)
    expect(await stored('posts', post.id)).toEqual([b])

    // A save that leaves the body alone keeps it.
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { title: 'Altro' },
    })
    expect(await stored('posts', post.id)).toEqual([b])

    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { content: paragraphBody('Nessuna figura.') },
    })
    expect(await stored('posts', post.id)).toEqual([])
  })

  it('is never part of what the API returns, to staff or to anyone', async () => {
    const post = await publish('Figura pubblica', uploadsBody(await image()))
    for (const token of [undefined, ctx.team.tokens.editor, ctx.team.tokens.admin]) {
      const { status, body } = await ctx.rest('GET', `/posts/${post.id}?depth=1`, { token })
      expect(status).toBe(200)
      expect(body).not.toHaveProperty('bodyUploads')
    }
  })

  it('is filled by the migration for documents saved before it existed', async () => {
    const shown = await image()
    const post = await publish('Prima del campo', uploadsBody(shown))
    const page = await ctx.payload.create({
      ...QUIET,
      collection: 'pages',
      data: {
        title: 'Pagina con figura',
        slug: '',
        _status: 'published',
        content: uploadsBody(shown),
      },
    })
    const req = await createLocalReq({}, ctx.payload)
    // As before the migration: the field empty, the bodies showing the image.
    for (const [collection, id] of [
      ['posts', post.id],
      ['pages', page.id],
    ] as const) {
      await ctx.payload.db.updateOne({ collection, id, data: { bodyUploads: [] }, req })
      expect(await stored(collection, id)).toEqual([])
    }
    expect(await mediaDependents(req, shown)).toEqual([])

    expect(await backfillBodyUploads(ctx.payload, req)).toBeGreaterThanOrEqual(2)
    expect(await stored('posts', post.id)).toEqual([shown])
    expect(await stored('pages', page.id)).toEqual([shown])
    expect(await mediaDependents(req, shown)).toEqual(
      expect.arrayContaining([`post:${post.slug}`, `page:${page.slug}`]),
    )
  })
})
