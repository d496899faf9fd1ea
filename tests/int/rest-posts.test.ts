import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import type { Post } from '@/payload-types'
import { LIVE_CHANGE_REFUSED, PUBLISH_REFUSED } from '@/collections/Posts/hooks/editorialRules'
import { articleBlocksToLexical } from '@/lib/text-import'

import { startRestPayload, type Rest, type RestPayload, type RestTeam } from './helpers/rest'

/*
 * Posts over REST, beyond the access matrix of rest-access.test.ts: drafts behind query strings,
 * ownership in single and bulk writes, publishing and the medical review.
 */

let ctx: RestPayload
let payload: Payload
let rest: Rest
let team: RestTeam
let otherDoctorId: number
const quiet = { context: { disableRevalidate: true } }
const content = articleBlocksToLexical([{ type: 'paragraph', text: 'Testo.' }])

beforeAll(async () => {
  ctx = await startRestPayload()
  ;({ payload, rest, team } = ctx)
  otherDoctorId = (
    await payload.create({
      ...quiet,
      collection: 'authors',
      data: { name: 'Luca Bianchi', slug: '' },
    })
  ).id
}, 60_000)

afterAll(async () => {
  await ctx?.cleanup()
})

const draftBy = async (who: keyof RestTeam['users'], title: string) =>
  payload.create({
    ...quiet,
    user: team.users[who],
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content, _status: 'draft' },
  })
const published = async (title: string) =>
  payload.update({
    ...quiet,
    user: team.users.editor,
    collection: 'posts',
    id: (await draftBy('author', title)).id,
    data: { _status: 'published' },
  })
const storedPost = (id: number) =>
  payload.findByID({ collection: 'posts', id, draft: true, depth: 0 }) as Promise<Post>

describe('drafts over REST', () => {
  it('anonymous ?draft=true still gets published content only, in lists and by id', async () => {
    const live = await published('Versione pubblicata')
    await payload.update({
      ...quiet,
      collection: 'posts',
      id: live.id,
      draft: true,
      data: { title: 'Modifica in bozza' },
    })
    const draftOnly = await draftBy('author', 'Mai pubblicato')

    const titles = async (query: string) =>
      ((await rest('GET', `/posts?depth=0&${query}`)).body.docs as Post[]).map((doc) => doc.title)
    expect(await titles('')).toEqual(['Versione pubblicata'])
    // With draft=true the list is read from the latest versions, still under the published-only
    // constraint: the post whose latest version is a draft drops out instead of leaking it.
    expect(await titles('draft=true')).toEqual([])
    expect(await titles('draft=true&where[_status][equals]=draft')).toEqual([])
    expect(await titles('draft=true&where[title][equals]=Modifica%20in%20bozza')).toEqual([])

    expect((await rest('GET', `/posts/${live.id}?draft=true`)).body.title).toBe(
      'Versione pubblicata',
    )
    expect((await rest('GET', `/posts/${draftOnly.id}?draft=true`)).status).toBe(404)
    expect((await rest('GET', `/posts/versions?where[parent][equals]=${live.id}`)).status).toBe(403)
    // The draft does exist: staff see it.
    const asEditor = await rest('GET', `/posts/${live.id}?draft=true`, {
      token: team.tokens.editor,
    })
    expect(asEditor.body.title).toBe('Modifica in bozza')
  })
})

describe('posts over REST', () => {
  it('an author cannot PATCH another author’s post, by id or in a bulk update', async () => {
    const own = await draftBy('author', 'La mia bozza')
    const others = await draftBy('otherAuthor', 'La bozza di un altro')
    const token = team.tokens.author

    const single = await rest('PATCH', `/posts/${others.id}?draft=true`, {
      token,
      json: { title: 'Modifica non autorizzata' },
    })
    expect(single.status).toBe(403)
    // A bulk update only reaches the author's own posts; the other one is silently skipped.
    const bulk = await rest('PATCH', `/posts?draft=true&where[id][in]=${own.id},${others.id}`, {
      token,
      json: { title: 'Modifica in blocco' },
    })
    expect(bulk.status).toBe(200)
    expect((bulk.body.docs as Post[]).map((doc) => doc.id)).toEqual([own.id])
    expect((await storedPost(own.id)).title).toBe('Modifica in blocco')
    expect((await storedPost(others.id)).title).toBe('La bozza di un altro')
    // Nor can they delete, one by one or in bulk.
    expect((await rest('DELETE', `/posts?where[id][in]=${own.id}`, { token })).status).toBe(403)
    const remaining = await payload.count({
      collection: 'posts',
      where: { id: { equals: own.id } },
    })
    expect(remaining.totalDocs).toBe(1)
  })

  it('the owner is whoever is signed in, not what the request says', async () => {
    const { status, body } = await rest('POST', '/posts?depth=0', {
      token: team.tokens.author,
      json: { title: 'Chi l’ha scritto', slug: '', content, createdBy: team.users.otherAuthor.id },
    })
    expect(status).toBe(201)
    expect((body.doc as Post).createdBy).toBe(team.users.author.id)
    const stolen = await rest('PATCH', `/posts/${(body.doc as Post).id}?draft=true`, {
      token: team.tokens.author,
      json: { createdBy: team.users.otherAuthor.id },
    })
    expect(stolen.status).toBe(200)
    expect((await storedPost((body.doc as Post).id)).createdBy).toBe(team.users.author.id)
  })

  it('an author’s publish is refused with the Italian message, on update and on create', async () => {
    // A permission refusal with one plain message: the admin shows it as is in its toast.
    const refusal = { errors: [{ message: PUBLISH_REFUSED }] }
    const own = await draftBy('author', 'Vorrei pubblicarla')
    const update = await rest('PATCH', `/posts/${own.id}`, {
      token: team.tokens.author,
      json: { _status: 'published' },
    })
    expect({ status: update.status, body: update.body }).toMatchObject({
      status: 403,
      body: refusal,
    })
    expect((await storedPost(own.id))._status).toBe('draft')

    const create = await rest('POST', '/posts', {
      token: team.tokens.author,
      json: { title: 'Subito online', slug: '', content, _status: 'published' },
    })
    expect({ status: create.status, body: create.body }).toMatchObject({
      status: 403,
      body: refusal,
    })
    const created = await payload.count({
      collection: 'posts',
      where: { title: { equals: 'Subito online' } },
    })
    expect(created.totalDocs).toBe(0)
  })

  it('a reviewer signs the review with their own profile and changes nothing else', async () => {
    const post = await draftBy('author', 'Da revisionare')
    const { status } = await rest('PATCH', `/posts/${post.id}?draft=true`, {
      token: team.tokens.reviewer,
      json: { markReviewed: true, reviewedBy: otherDoctorId, title: 'Titolo del revisore' },
    })
    expect(status).toBe(200)
    const stored = await storedPost(post.id)
    expect(stored.title).toBe('Da revisionare')
    expect(stored.reviewedBy).toBe(team.doctorId)
    expect(new Date(stored.lastReviewedAt ?? 0).toDateString()).toBe(new Date().toDateString())
  })
})

describe('what is live stays in the editors’ hands', () => {
  it.each(['reviewer', 'author'] as const)(
    'a %s cannot unpublish or overwrite a live article; a draft save is fine',
    async (who) => {
      // The author's own post: ownership is not what stops them.
      const live = await published(`Articolo online per ${who}`)
      const token = team.tokens[who]
      for (const json of [{ _status: 'draft' }, { title: 'Titolo cambiato dal vivo' }]) {
        const response = await rest('PATCH', `/posts/${live.id}`, { token, json })
        expect(response.status).toBe(403)
        expect(JSON.stringify(response.body)).toContain(
          'title' in json ? PUBLISH_REFUSED : LIVE_CHANGE_REFUSED,
        )
      }
      const stored = await payload.findByID({ collection: 'posts', id: live.id, depth: 0 })
      expect({ status: stored._status, title: stored.title }).toEqual({
        status: 'published',
        title: `Articolo online per ${who}`,
      })

      if (who === 'author') {
        const draft = await rest('PATCH', `/posts/${live.id}?draft=true`, {
          token,
          json: { title: 'Nuova versione in bozza', _status: 'draft' },
        })
        expect(draft.status).toBe(200)
        expect((await storedPost(live.id)).title).toBe('Nuova versione in bozza')
        const publicCopy = await payload.findByID({ collection: 'posts', id: live.id, depth: 0 })
        expect(publicCopy).toMatchObject({ _status: 'published', title: live.title })
      }
    },
  )

  it('an author cannot sign the medical review by filling in the fields', async () => {
    const post = await draftBy('author', 'Revisione fai da te')
    const response = await rest('PATCH', `/posts/${post.id}?draft=true`, {
      token: team.tokens.author,
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
