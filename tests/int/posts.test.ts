import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { articleBlocksToLexical } from '@/lib/text-import'

import { startTestPayload, type TestPayload } from './helpers/payload'

let ctx: TestPayload
let payload: Payload

const quiet = { context: { disableRevalidate: true } }
const content = articleBlocksToLexical([{ type: 'paragraph', text: 'Testo.' }])

beforeAll(async () => {
  ctx = await startTestPayload()
  payload = ctx.payload
}, 60_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('post slugs', () => {
  it('are generated from the title, accents and apostrophes folded', async () => {
    const post = await payload.create({
      ...quiet,
      collection: 'posts',
      data: {
        title: 'Cos’è l’intervento mini invasivo alluce valgo',
        slug: '',
        content,
        _status: 'published',
      },
    })
    expect(post.slug).toBe('cos-e-l-intervento-mini-invasivo-alluce-valgo')
  })

  it('reject a duplicate with a message naming the slug, and store nothing', async () => {
    const before = await payload.count({ collection: 'posts' })
    // Typed differently, but the same slug once normalised.
    const attempt = payload.create({
      ...quiet,
      collection: 'posts',
      data: {
        title: 'Un altro titolo',
        slug: 'Cos’è l’intervento mini invasivo alluce valgo',
        content,
        _status: 'published',
      },
    })
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'slug',
            message:
              'Lo slug «cos-e-l-intervento-mini-invasivo-alluce-valgo» è già usato da un altro documento: scegline uno diverso.',
          },
        ],
      },
    })
    expect(await payload.count({ collection: 'posts' })).toEqual(before)
  })

  it('normalise what an editor types, falling back to the title when nothing is left', async () => {
    await expect(
      payload.create({
        ...quiet,
        collection: 'posts',
        data: { title: 'Prova', slug: 'Slug Non Valido!', content, _status: 'published' },
      }),
    ).resolves.toMatchObject({ slug: 'slug-non-valido' })
    await expect(
      payload.create({
        ...quiet,
        collection: 'posts',
        data: { title: 'Dolore al tallone', slug: '!!!', content, _status: 'published' },
      }),
    ).resolves.toMatchObject({ slug: 'dolore-al-tallone' })
  })
})

describe('publishedAt', () => {
  it('is set on first publish and kept on later edits', async () => {
    const draft = await payload.create({
      ...quiet,
      collection: 'posts',
      data: { title: 'Bozza da pubblicare', content, _status: 'draft' },
      draft: true,
    })
    expect(draft.publishedAt).toBeFalsy()

    const published = await payload.update({
      ...quiet,
      collection: 'posts',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published.publishedAt).toEqual(expect.any(String))

    const edited = await payload.update({
      ...quiet,
      collection: 'posts',
      id: draft.id,
      data: { title: 'Titolo modificato', _status: 'published' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })
})
