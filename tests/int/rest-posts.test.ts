import { beforeAll, describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'
import { LIVE_CHANGE_REFUSED } from '@/collections/Posts/hooks/editorialRules'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupRestPayload, type RestTeam } from './helpers/rest'

/*
 * Posts over REST, beyond the access matrix of rest-access.test.ts: drafts behind query strings,
 * ownership in single and bulk writes, publishing and the medical review.
 */

const ctx = setupRestPayload()
let otherDoctorId: string
const content = paragraphBody('Testo.')

beforeAll(async () => {
  otherDoctorId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'authors',
      data: { name: 'Luca Bianchi', slug: '' },
    })
  ).id
}, 60_000)

const draftBy = async (who: keyof RestTeam['users'], title: string) =>
  ctx.payload.create({
    ...QUIET,
    user: ctx.team.users[who],
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content, _status: 'draft' },
  })
const published = async (title: string) =>
  ctx.payload.update({
    ...QUIET,
    user: ctx.team.users.editor,
    collection: 'posts',
    id: (await draftBy('author', title)).id,
    data: { _status: 'published' },
  })
const storedPost = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 }) as Promise<Post>

describe('drafts over REST', () => {
  it('anonymous ?draft=true still gets published content only, in lists and by id', async () => {
    const live = await published('Versione pubblicata')
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: live.id,
      draft: true,
      data: { title: 'Modifica in bozza' },
    })
    const draftOnly = await draftBy('author', 'Mai pubblicato')

    const titles = async (query: string) =>
      ((await ctx.rest('GET', `/posts?depth=0&${query}`)).body.docs as Post[]).map(
        (doc) => doc.title,
      )
    expect(await titles('')).toEqual(['Versione pubblicata'])
    // With draft=true the list is read from the latest versions, still under the published-only
    // constraint: the post whose latest version is a draft drops out instead of leaking it.
    expect(await titles('draft=true')).toEqual([])
    expect(await titles('draft=true&where[_status][equals]=draft')).toEqual([])
    expect(await titles('draft=true&where[title][equals]=Modifica%20in%20bozza')).toEqual([])

    expect((await ctx.rest('GET', `/posts/${live.id}?draft=true`)).body.title).toBe(
      'Versione pubblicata',
    )
    expect((await ctx.rest('GET', `/posts/${draftOnly.id}?draft=true`)).status).toBe(404)
    expect((await ctx.rest('GET', `/posts/versions?where[parent][equals]=${live.id}`)).status).toBe(
      403,
    )
    // The draft does exist: staff see it.
    const asEditor = await ctx.rest('GET', `/posts/${live.id}?draft=true`, {
      token: ctx.team.tokens.editor,
    })
    expect(asEditor.body.title).toBe('Modifica in bozza')
  })
})

describe('posts over REST', () => {
  it('an author cannot PATCH another author’s post, by id or in a bulk update', async () => {
    const own = await draftBy('author', 'La mia bozza')
    const others = await draftBy('otherAuthor', 'La bozza di un altro')
    const token = ctx.team.tokens.author

    const single = await ctx.rest('PATCH', `/posts/${others.id}?draft=true`, {
      token,
      json: { title: 'Modifica non autorizzata' },
    })
    expect(single.status).toBe(403)
    // A bulk update only reaches the author's own posts; the other one is silently skipped.
    const bulk = await ctx.rest('PATCH', `/posts?draft=true&where[id][in]=${own.id},${others.id}`, {
      token,
      json: { title: 'Modifica in blocco' },
    })
    expect(bulk.status).toBe(200)
    expect((bulk.body.docs as Post[]).map((doc) => doc.id)).toEqual([own.id])
    expect((await storedPost(own.id)).title).toBe('Modifica in blocco')
    expect((await storedPost(others.id)).title).toBe('La bozza di un altro')
    // Nor can they delete, one by one or in bulk.
    expect((await ctx.rest('DELETE', `/posts?where[id][in]=${own.id}`, { token })).status).toBe(403)
    const remaining = await ctx.payload.count({
      collection: 'posts',
      where: { id: { equals: own.id } },
    })
    expect(remaining.totalDocs).toBe(1)
  })

  it('the owner is whoever is signed in, not what the request says', async () => {
    const { status, body } = await ctx.rest('POST', '/posts?depth=0', {
      token: ctx.team.tokens.author,
      json: {
        title: 'Chi l’ha scritto',
        slug: '',
        content,
        createdBy: ctx.team.users.otherAuthor.id,
      },
    })
    expect(status).toBe(201)
    expect((body.doc as Post).createdBy).toBe(ctx.team.users.author.id)
    const stolen = await ctx.rest('PATCH', `/posts/${(body.doc as Post).id}?draft=true`, {
      token: ctx.team.tokens.author,
      json: { createdBy: ctx.team.users.otherAuthor.id },
    })
    expect(stolen.status).toBe(200)
    expect((await storedPost((body.doc as Post).id)).createdBy).toBe(ctx.team.users.author.id)
  })

  it('an author’s publish is refused by access control, on update and on create', async () => {
    // Access control (not only a hook) refuses, which is also what hides the admin's publish button.
    const refusal = { errors: [{ message: 'Non sei autorizzato a eseguire questa azione.' }] }
    const own = await draftBy('author', 'Vorrei pubblicarla')
    const update = await ctx.rest('PATCH', `/posts/${own.id}`, {
      token: ctx.team.tokens.author,
      json: { _status: 'published' },
    })
    expect({ status: update.status, body: update.body }).toMatchObject({
      status: 403,
      body: refusal,
    })
    expect((await storedPost(own.id))._status).toBe('draft')

    const create = await ctx.rest('POST', '/posts', {
      token: ctx.team.tokens.author,
      json: { title: 'Subito online', slug: '', content, _status: 'published' },
    })
    expect({ status: create.status, body: create.body }).toMatchObject({
      status: 403,
      body: refusal,
    })
    const created = await ctx.payload.count({
      collection: 'posts',
      where: { title: { equals: 'Subito online' } },
    })
    expect(created.totalDocs).toBe(0)
  })

  it('a reviewer signs the review with their own profile and changes nothing else', async () => {
    const post = await draftBy('author', 'Da revisionare')
    const { status } = await ctx.rest('PATCH', `/posts/${post.id}?draft=true`, {
      token: ctx.team.tokens.reviewer,
      json: { markReviewed: true, reviewedBy: otherDoctorId, title: 'Titolo del revisore' },
    })
    expect(status).toBe(200)
    const stored = await storedPost(post.id)
    expect(stored.title).toBe('Da revisionare')
    expect(stored.reviewedBy).toBe(ctx.team.doctorId)
    expect(new Date(stored.lastReviewedAt ?? 0).toDateString()).toBe(new Date().toDateString())
  })
})

describe('what is live stays in the editors’ hands', () => {
  it.each(['reviewer', 'author'] as const)(
    'a %s cannot unpublish or overwrite a live article; a draft save is fine',
    async (who) => {
      // The author's own post: ownership is not what stops them.
      const live = await published(`Articolo online per ${who}`)
      const token = ctx.team.tokens[who]
      for (const json of [{ _status: 'draft' }, { title: 'Titolo cambiato dal vivo' }]) {
        const response = await ctx.rest('PATCH', `/posts/${live.id}`, { token, json })
        expect(response.status).toBe(403)
        expect(JSON.stringify(response.body)).toContain(LIVE_CHANGE_REFUSED)
      }
      const stored = await ctx.payload.findByID({ collection: 'posts', id: live.id, depth: 0 })
      expect({ status: stored._status, title: stored.title }).toEqual({
        status: 'published',
        title: `Articolo online per ${who}`,
      })

      if (who === 'author') {
        const draft = await ctx.rest('PATCH', `/posts/${live.id}?draft=true`, {
          token,
          json: { title: 'Nuova versione in bozza', _status: 'draft' },
        })
        expect(draft.status).toBe(200)
        expect((await storedPost(live.id)).title).toBe('Nuova versione in bozza')
        const publicCopy = await ctx.payload.findByID({
          collection: 'posts',
          id: live.id,
          depth: 0,
        })
        expect(publicCopy).toMatchObject({ _status: 'published', title: live.title })
      }
    },
  )

  it('an author cannot sign the medical review by filling in the fields', async () => {
    const post = await draftBy('author', 'Revisione fai da te')
    const response = await ctx.rest('PATCH', `/posts/${post.id}?draft=true`, {
      token: ctx.team.tokens.author,
      json: { reviewedBy: otherDoctorId, lastReviewedAt: new Date().toISOString() },
    })
    expect(response.status).toBe(200)
    const stored = await storedPost(post.id)
    expect({ reviewedBy: stored.reviewedBy, lastReviewedAt: stored.lastReviewedAt }).toEqual({
      reviewedBy: null,
      lastReviewedAt: null,
    })
  })
})
