import { describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')

describe('post slugs', () => {
  it('are generated from the title, accents and apostrophes folded', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
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
    const before = await ctx.payload.count({ collection: 'posts' })
    // Typed differently, but the same slug once normalised.
    const attempt = ctx.payload.create({
      ...QUIET,
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
    expect(await ctx.payload.count({ collection: 'posts' })).toEqual(before)
  })

  it('normalise what an editor types, falling back to the title when nothing is left', async () => {
    await expect(
      ctx.payload.create({
        ...QUIET,
        collection: 'posts',
        data: { title: 'Prova', slug: 'Slug Non Valido!', content, _status: 'published' },
      }),
    ).resolves.toMatchObject({ slug: 'slug-non-valido' })
    await expect(
      ctx.payload.create({
        ...QUIET,
        collection: 'posts',
        data: { title: 'Dolore al tallone', slug: '!!!', content, _status: 'published' },
      }),
    ).resolves.toMatchObject({ slug: 'dolore-al-tallone' })
  })
})

describe('publishedAt', () => {
  it('is set on first publish and kept on later edits', async () => {
    const draft = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Bozza da pubblicare', content, _status: 'draft' },
      draft: true,
    })
    expect(draft.publishedAt).toBeFalsy()

    const published = await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published.publishedAt).toEqual(expect.any(String))

    const edited = await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: draft.id,
      data: { title: 'Titolo modificato', _status: 'published' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })
})

describe('links in the article body', () => {
  const withLink = (url: string) => ({
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr' as const,
          format: '' as const,
          indent: 0,
          textFormat: 0,
          children: [
            {
              type: 'link',
              version: 3,
              direction: 'ltr' as const,
              format: '' as const,
              indent: 0,
              fields: { linkType: 'custom', url, newTab: false },
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'clicca qui',
                  format: 0,
                  style: '',
                  mode: 'normal',
                  detail: 0,
                },
              ],
            },
          ],
        },
      ],
    },
  })

  it.each([
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example',
  ])('refuses %s when the post is saved', async (url) => {
    const error = await ctx.payload
      .create({
        ...QUIET,
        collection: 'posts',
        data: {
          title: `Link ostile ${url}`,
          slug: '',
          content: withLink(url),
          _status: 'published',
        },
      })
      .then(
        () => null,
        (e: unknown) => e as { status?: number; data?: unknown },
      )
    expect(error?.status).toBe(400)
    // Lexical reports the link drawer's field; its own check only refuses spaces, ours the scheme.
    expect(JSON.stringify(error?.data)).toContain('The following fields are invalid: url')
  })

  it.each([
    'https://www.sipbc.it/',
    '/blog/alluce-valgo',
    'mailto:info@clinica.it',
    'tel:+390212345678',
  ])('accepts %s', async (url) => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: `Link sicuro ${url}`, slug: '', content: withLink(url), _status: 'published' },
    })
    expect(JSON.stringify(post.content)).toContain(url)
  })
})
