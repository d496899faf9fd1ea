import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug } from 'payload'
import sharp from 'sharp'

import { PUBLISH_REFUSED } from '@/collections/Posts/hooks/editorialRules'
import type { Post, User } from '@/payload-types'

import { createUser, paragraphBody, QUIET, TEST_PASSWORD } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')
const users: Record<
  'admin' | 'editor' | 'author' | 'otherAuthor' | 'reviewer' | 'unlinkedReviewer',
  User
> = {} as never
let doctorId: string
let medicalCategory: string
let plainCategory: string

type Who = keyof typeof users | 'anonymous'
const as = (who: Who) => (who === 'anonymous' ? {} : { user: users[who] })
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { status?: number }) =>
      error.status === 403 || error.status === 404 ? 'denied' : `error ${error.status}`,
  )

beforeAll(async () => {
  doctorId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'authors',
      data: { name: 'Anna Neri', slug: '', honorific: 'Dott.ssa' },
    })
  ).id
  const make = async (key: keyof typeof users, role: User['role'], profile?: string) => {
    users[key] = await createUser(ctx.payload, `${key}@test.it`, role, { name: key, profile })
  }
  await make('admin', 'admin')
  await make('editor', 'editor')
  await make('author', 'author')
  await make('otherAuthor', 'author')
  await make('reviewer', 'reviewer', doctorId)
  await make('unlinkedReviewer', 'reviewer')
  medicalCategory = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Alluce valgo', slug: '' },
    })
  ).id
  plainCategory = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Notizie della clinica', slug: '', medical: false },
    })
  ).id
}, 60_000)

const draftBy = (who: Who, title: string) =>
  ctx.payload.create({
    ...QUIET,
    ...as(who),
    overrideAccess: false,
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content, _status: 'draft' },
  })

describe('access matrix (Local API, overrideAccess: false)', () => {
  const create: Record<string, Record<Who, string>> = {
    posts: {
      anonymous: 'denied',
      author: 'allowed',
      otherAuthor: 'allowed',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'allowed',
      admin: 'allowed',
    },
    categories: {
      anonymous: 'denied',
      author: 'denied',
      otherAuthor: 'denied',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'allowed',
      admin: 'allowed',
    },
    authors: {
      anonymous: 'denied',
      author: 'denied',
      otherAuthor: 'denied',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'allowed',
      admin: 'allowed',
    },
    pages: {
      anonymous: 'denied',
      author: 'denied',
      otherAuthor: 'denied',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'allowed',
      admin: 'allowed',
    },
    users: {
      anonymous: 'denied',
      author: 'denied',
      otherAuthor: 'denied',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'denied',
      admin: 'allowed',
    },
    'appointment-requests': {
      anonymous: 'denied',
      author: 'denied',
      otherAuthor: 'denied',
      reviewer: 'denied',
      unlinkedReviewer: 'denied',
      editor: 'denied',
      admin: 'denied',
    },
  }
  const dataFor = (collection: string, who: Who): Record<string, unknown> => {
    const unique = `${collection}-${who}-${Math.random().toString(36).slice(2, 8)}`
    switch (collection) {
      case 'posts':
        return { title: unique, slug: '', content, _status: 'draft' }
      case 'users':
        return {
          email: `${unique}@test.it`,
          password: TEST_PASSWORD,
          name: unique,
          role: 'editor',
        }
      case 'appointment-requests':
        return {
          name: 'X',
          phone: '+39 02 1234 5678',
          reason: 'Prova',
          consent: true,
          preferredPeriod: 'mattina',
          submissionId: unique,
        }
      case 'pages':
        return { title: unique, slug: '', content, _status: 'draft' }
      case 'authors':
        return { name: unique, slug: '' }
      default:
        return { title: unique, slug: '' }
    }
  }

  for (const [collection, expected] of Object.entries(create)) {
    it(`create ${collection}`, async () => {
      const actual: Record<string, string> = {}
      for (const who of Object.keys(expected) as Who[]) {
        actual[who] = await outcome(
          ctx.payload.create({
            ...QUIET,
            ...as(who),
            overrideAccess: false,
            collection: collection as CollectionSlug,
            draft: collection === 'posts' || collection === 'pages' ? true : undefined,
            data: dataFor(collection, who) as never,
          }),
        )
      }
      expect(actual).toEqual(expected)
    })
  }

  it('appointment requests are read by editors and admins only', async () => {
    const actual: Record<string, string> = {}
    for (const who of ['anonymous', 'author', 'reviewer', 'editor', 'admin'] as Who[]) {
      actual[who] = await outcome(
        ctx.payload.find({ ...as(who), overrideAccess: false, collection: 'appointment-requests' }),
      )
    }
    expect(actual).toEqual({
      anonymous: 'denied',
      author: 'denied',
      reviewer: 'denied',
      editor: 'allowed',
      admin: 'allowed',
    })
  })

  it('only admins change the clinic', async () => {
    const actual: Record<string, string> = {}
    for (const who of ['anonymous', 'author', 'reviewer', 'editor', 'admin'] as Who[]) {
      actual[who] = await outcome(
        ctx.payload.updateGlobal({
          ...QUIET,
          ...as(who),
          overrideAccess: false,
          slug: 'clinic',
          data: { name: `Clinica ${who}` },
        }),
      )
    }
    expect(actual).toEqual({
      anonymous: 'denied',
      author: 'denied',
      reviewer: 'denied',
      editor: 'denied',
      admin: 'allowed',
    })
  })

  it('authors upload media but cannot change or delete files', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
    const media = await ctx.payload.create({
      ...QUIET,
      user: users.author,
      overrideAccess: false,
      collection: 'media',
      data: { alt: 'Immagine di prova' },
      file: { data: png, mimetype: 'image/png', name: 'prova.png', size: png.length },
    })
    expect(
      await outcome(
        ctx.payload.update({
          ...QUIET,
          user: users.author,
          overrideAccess: false,
          collection: 'media',
          id: media.id,
          data: { alt: 'Altro' },
        }),
      ),
    ).toBe('denied')
    expect(
      await outcome(
        ctx.payload.delete({
          ...QUIET,
          user: users.author,
          overrideAccess: false,
          collection: 'media',
          id: media.id,
        }),
      ),
    ).toBe('denied')
    expect(
      await outcome(
        ctx.payload.delete({
          ...QUIET,
          user: users.editor,
          overrideAccess: false,
          collection: 'media',
          id: media.id,
        }),
      ),
    ).toBe('allowed')
  })
})

describe('authors', () => {
  it('edit their own drafts but not other people’s posts, and cannot delete', async () => {
    const own = await draftBy('author', 'Bozza della mia autrice')
    const others = await draftBy('otherAuthor', 'Bozza di un altro')
    const update = (id: string, title: string) =>
      outcome(
        ctx.payload.update({
          ...QUIET,
          user: users.author,
          overrideAccess: false,
          collection: 'posts',
          id,
          draft: true,
          data: { title },
        }),
      )
    expect(await update(own.id, 'Titolo corretto')).toBe('allowed')
    expect(await update(others.id, 'Modifica non autorizzata')).toBe('denied')
    expect(
      (await ctx.payload.findByID({ collection: 'posts', id: others.id, draft: true })).title,
    ).toBe('Bozza di un altro')
    expect(
      await outcome(
        ctx.payload.delete({
          ...QUIET,
          user: users.author,
          overrideAccess: false,
          collection: 'posts',
          id: own.id,
        }),
      ),
    ).toBe('denied')
    expect(
      (await ctx.payload.findByID({ collection: 'posts', id: own.id })).createdBy,
    ).toMatchObject({
      id: users.author.id,
    })
  })

  it('cannot publish, even from code that skips access control; an editor can', async () => {
    const own = await draftBy('author', 'Da pubblicare')
    const publishAsAuthor = (overrideAccess: boolean) =>
      ctx.payload.update({
        ...QUIET,
        user: users.author,
        overrideAccess,
        collection: 'posts',
        id: own.id,
        data: { _status: 'published' },
      })
    // Access control refuses (and so the admin shows authors no publish button) …
    await expect(publishAsAuthor(false)).rejects.toMatchObject({ status: 403 })
    // … and the onlyEditorsPublish hook still refuses, with the reason, when access is skipped.
    await expect(publishAsAuthor(true)).rejects.toMatchObject({
      status: 403,
      message: PUBLISH_REFUSED,
    })
    expect((await ctx.payload.findByID({ collection: 'posts', id: own.id }))._status).toBe('draft')
    const published = await ctx.payload.update({
      ...QUIET,
      user: users.editor,
      overrideAccess: false,
      collection: 'posts',
      id: own.id,
      data: { _status: 'published' },
    })
    expect(published._status).toBe('published')
  })
})

describe('reviewers', () => {
  it('sign the medical review with their profile and today’s date, and change nothing else', async () => {
    const post = await draftBy('author', 'Da revisionare')
    const reviewed = (await ctx.payload.update({
      ...QUIET,
      user: users.reviewer,
      overrideAccess: false,
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { markReviewed: true, title: 'Titolo cambiato dal revisore' } as Partial<Post>,
    })) as Post
    expect(reviewed.title).toBe('Da revisionare')
    expect(reviewed.reviewedBy).toMatchObject({ id: doctorId })
    expect(new Date(reviewed.lastReviewedAt!).toDateString()).toBe(new Date().toDateString())
  })

  it('cannot set someone else as reviewer, cannot publish, and need a linked profile', async () => {
    const post = await draftBy('author', 'Altra bozza')
    const attempt = await ctx.payload.update({
      ...QUIET,
      user: users.reviewer,
      overrideAccess: false,
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { reviewedBy: doctorId, lastReviewedAt: '2020-01-01T00:00:00.000Z' },
    })
    expect(attempt.reviewedBy).toBeFalsy()
    await expect(
      ctx.payload.update({
        ...QUIET,
        user: users.reviewer,
        overrideAccess: false,
        collection: 'posts',
        id: post.id,
        data: { _status: 'published' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      ctx.payload.update({
        ...QUIET,
        user: users.unlinkedReviewer,
        overrideAccess: false,
        collection: 'posts',
        id: post.id,
        draft: true,
        data: { markReviewed: true } as Partial<Post>,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'markReviewed' }] } })
  })
})

describe('publishing in a medical category', () => {
  const publish = (data: Partial<Post>) =>
    ctx.payload.create({
      ...QUIET,
      user: users.editor,
      overrideAccess: false,
      collection: 'posts',
      data: {
        title: `Articolo ${Math.random()}`,
        slug: '',
        content,
        _status: 'published',
        ...data,
      },
    })

  it('names exactly what is missing', async () => {
    await expect(
      publish({ categories: [medicalCategory], author: doctorId }),
    ).rejects.toMatchObject({
      status: 400,
      // The admin's toast: Italian, with the labels editors see.
      message: expect.stringMatching(
        /^I seguenti campi non sono validi.*Revisore medico, Ultima revisione medica$/,
      ),
      data: {
        errors: [
          {
            path: 'reviewedBy',
            message:
              'Per pubblicare un articolo medico serve la revisione di un medico (revisore).',
          },
          {
            path: 'lastReviewedAt',
            message:
              'Per pubblicare un articolo medico indica la data dell’ultima revisione medica.',
          },
        ],
      },
    })
  })

  it('publishes with author, reviewer and review date, and outside medical categories without them', async () => {
    await expect(
      publish({
        categories: [medicalCategory],
        author: doctorId,
        reviewedBy: doctorId,
        lastReviewedAt: new Date().toISOString(),
      }),
    ).resolves.toMatchObject({ _status: 'published' })
    await expect(publish({ categories: [plainCategory] })).resolves.toMatchObject({
      _status: 'published',
    })
  })
})
