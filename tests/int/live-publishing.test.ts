import { describe, expect, it } from '@jest/globals'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq, type PayloadRequest } from 'payload'

import type { Post } from '@/payload-types'
import { LIVE_CHANGE_REFUSED, PUBLISH_REFUSED } from '@/collections/Posts/hooks/editorialRules'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { graphqlClient, graphqlErrors } from './helpers/graphql'
import { ROLES, setupRestPayload, type Role, type SignedInRole } from './helpers/rest'

/*
 * Issue 15: "a reviewer can take any live article offline, an author their own". Payload fills a
 * hook's `originalDoc` from the latest version, so once a draft exists the live (main) document
 * looked unpublished to the publishing rule. Every way of writing a post is tried here by every
 * role, and what counts is the live document and what an anonymous reader gets.
 */

const ctx = setupRestPayload()
const graphql = (query: string, who: Role) =>
  graphqlClient(ctx.payload)(query, ctx.team.tokens[who])

/** Who may change what patients see (publish, unpublish, overwrite the live article). */
const MAY_CHANGE_LIVE: Record<Role, boolean> = {
  admin: true,
  editor: true,
  author: false,
  reviewer: false,
  anonymous: false,
}
const NOT_AUTHORIZED = /Non sei autorizzato|not allowed/i

/** An article of the author's, published by an editor, with a newer draft on top of it. */
let articles = 0
async function liveArticleWithDraft(name: string): Promise<{ id: string; title: string }> {
  // Slugs come from titles and are unique: number each article.
  const title = `${name} ${++articles}`
  const { id } = await ctx.payload.create({
    ...QUIET,
    user: ctx.team.users.author,
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content: paragraphBody('Testo pubblicato.'), _status: 'draft' },
  })
  await ctx.payload.update({
    ...QUIET,
    user: ctx.team.users.editor,
    collection: 'posts',
    id,
    data: { _status: 'published' },
  })
  await ctx.payload.update({
    ...QUIET,
    user: ctx.team.users.editor,
    collection: 'posts',
    id,
    draft: true,
    data: { excerpt: 'Una modifica in bozza.' },
  })
  return { id, title }
}

/** The live (main) document, whatever the latest version is. */
const live = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, depth: 0, draft: false }) as Promise<Post>
/** What a patient's browser gets for the article over the public API. */
const anonymousStatus = async (id: string) => (await ctx.rest('GET', `/posts/${id}?depth=0`)).status

async function latestDraftVersion(id: string): Promise<string> {
  const { docs } = await ctx.payload.findVersions({
    collection: 'posts',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'draft' } }] },
    sort: '-updatedAt',
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no draft version of ${id}`)
  return docs[0].id
}

type Outcome = { ok: boolean; status: number; text: string }

const overRest = async (
  who: Role,
  method: 'PATCH' | 'POST',
  path: string,
  json?: unknown,
): Promise<Outcome> => {
  const { status, body } = await ctx.rest(method, path, { token: ctx.team.tokens[who], json })
  return { ok: status < 300, status, text: JSON.stringify(body) }
}
const overGraphQL = async (who: Role, query: string): Promise<Outcome> => {
  const result = await graphql(query, who)
  return { ok: !result.errors?.length, status: 200, text: graphqlErrors(result) }
}

/**
 * Each path that can write the live document, as the probe used it: a draft save (harmless on
 * its own) then the write that reached the main document. `refusedStatus` is what REST answers
 * a refused author or reviewer (a bulk update reports per-document errors with 400);
 * `byEditor` is the live status an editor's same requests leave (they may unpublish).
 */
const PATHS: {
  name: string
  refusedStatus: number
  byEditor: Post['_status']
  attack: (id: string, who: Role) => Promise<Outcome[]>
}[] = [
  {
    name: 'PATCH /api/posts/<id>?draft=true then PATCH /api/posts/<id>',
    byEditor: 'draft',
    refusedStatus: 403,
    attack: async (id, who) => [
      await overRest(who, 'PATCH', `/posts/${id}?draft=true`, {}),
      await overRest(who, 'PATCH', `/posts/${id}`, {}),
    ],
  },
  {
    name: 'the same by where: PATCH /api/posts?where[id][equals]=<id>',
    // A bulk update writes each post's main document onto itself: nothing to unpublish.
    byEditor: 'published',
    refusedStatus: 400,
    attack: async (id, who) => [
      await overRest(who, 'PATCH', `/posts?where[id][equals]=${id}&draft=true`, {}),
      await overRest(who, 'PATCH', `/posts?where[id][equals]=${id}`, {}),
    ],
  },
  {
    name: 'restoring a draft version: POST /api/posts/versions/<versionId>',
    byEditor: 'draft',
    refusedStatus: 403,
    attack: async (id, who) => [
      await overRest(who, 'POST', `/posts/versions/${await latestDraftVersion(id)}`),
    ],
  },
  {
    name: 'GraphQL updatePost(draft: true) then updatePost',
    byEditor: 'draft',
    refusedStatus: 200,
    attack: async (id, who) => [
      await overGraphQL(
        who,
        `mutation { updatePost(id: ${JSON.stringify(id)}, draft: true, data: {}) { id } }`,
      ),
      await overGraphQL(who, `mutation { updatePost(id: ${JSON.stringify(id)}, data: {}) { id } }`),
    ],
  },
  {
    name: 'GraphQL restoreVersionPost',
    byEditor: 'draft',
    refusedStatus: 200,
    attack: async (id, who) => [
      await overGraphQL(
        who,
        `mutation { restoreVersionPost(id: ${JSON.stringify(await latestDraftVersion(id))}) { id } }`,
      ),
    ],
  },
]

describe.each(PATHS)(
  'taking a live article offline by $name',
  ({ attack, refusedStatus, byEditor }) => {
    it.each(ROLES)('%s', async (who) => {
      const { id, title } = await liveArticleWithDraft(`Articolo online (${who})`)
      const outcomes = await attack(id, who)
      const last = outcomes.at(-1)!

      if (MAY_CHANGE_LIVE[who]) {
        // Editors and admins may unpublish: Payload's non-draft save of a draft does just that.
        expect(outcomes.map((outcome) => outcome.ok)).toEqual(outcomes.map(() => true))
        expect((await live(id))._status).toBe(byEditor)
        expect(await anonymousStatus(id)).toBe(byEditor === 'published' ? 200 : 404)
        return
      }
      if (who === 'anonymous') {
        expect(outcomes.map((outcome) => outcome.ok)).toEqual(outcomes.map(() => false))
        expect(last.text).toMatch(NOT_AUTHORIZED)
      } else {
        // The draft save is allowed (the author's own post, a reviewer's signature) …
        expect(outcomes.slice(0, -1).map((outcome) => outcome.ok)).toEqual(
          outcomes.slice(0, -1).map(() => true),
        )
        // … the write that would reach the live document is not.
        expect({ ok: last.ok, status: last.status }).toEqual({ ok: false, status: refusedStatus })
        expect(last.text).toContain(LIVE_CHANGE_REFUSED)
      }
      expect(await live(id)).toMatchObject({
        _status: 'published',
        title,
        excerpt: null,
      })
      expect(await anonymousStatus(id)).toBe(200)
    })
  },
)

describe('an author or reviewer on a live article', () => {
  it.each(['author', 'reviewer'] as const)(
    '%s still saves drafts (the author’s text, the reviewer’s signature), the live copy unchanged',
    async (who) => {
      const { id, title } = await liveArticleWithDraft(`Bozze ammesse (${who})`)
      const json = who === 'author' ? { title: 'Nuovo titolo in bozza' } : { markReviewed: true }
      expect((await overRest(who, 'PATCH', `/posts/${id}?draft=true`, json)).status).toBe(200)
      const latest = await ctx.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 })
      if (who === 'author') expect(latest.title).toBe('Nuovo titolo in bozza')
      else expect(latest.reviewedBy).toBe(ctx.team.doctorId)
      expect(await live(id)).toMatchObject({ _status: 'published', title })
    },
  )

  it.each(['author', 'reviewer'] as const)(
    '%s cannot publish by sending "published" with a draft save',
    async (who) => {
      const { id, title } = await liveArticleWithDraft(`Pubblicazione travestita (${who})`)
      const response = await overRest(who, 'PATCH', `/posts/${id}?draft=true`, {
        _status: 'published',
        title: 'Pubblicato da chi non può',
      })
      expect(response.ok).toBe(false)
      expect(response.text).toMatch(new RegExp(`${NOT_AUTHORIZED.source}|${PUBLISH_REFUSED}`, 'i'))
      expect((await live(id)).title).toBe(title)
    },
  )
})

describe('scheduled publish and unpublish', () => {
  const jobInput = (id: string, type: 'publish' | 'unpublish') => ({
    type,
    doc: { relationTo: 'posts', value: id },
  })
  const queuedJobs = async () =>
    (
      await ctx.payload.count({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'schedulePublish' } },
      })
    ).totalDocs

  it.each(ROLES)('%s cannot queue a job over REST or GraphQL', async (who) => {
    const { id } = await liveArticleWithDraft(`Coda dei lavori (${who})`)
    const before = await queuedJobs()
    const rest = await overRest(who, 'POST', '/payload-jobs', {
      taskSlug: 'schedulePublish',
      input: jobInput(id, 'unpublish'),
      waitUntil: new Date(Date.now() - 1_000).toISOString(),
    })
    // The jobs collection is closed to every role over the API, admins included.
    expect(rest.status).toBe(403)
    expect(rest.text).toMatch(NOT_AUTHORIZED)
    const mutation = await overGraphQL(
      who,
      `mutation { createPayloadJob(data: { taskSlug: schedulePublish, input: ${JSON.stringify(
        JSON.stringify(jobInput(id, 'unpublish')),
      )} }) { id } }`,
    )
    expect(mutation.ok).toBe(false)
    expect(mutation.text).toMatch(NOT_AUTHORIZED)
    expect(await queuedJobs()).toBe(before)
  })

  /**
   * What the admin's "Programma pubblicazione" drawer calls: Payload's server function queues the
   * job for any signed-in user (it checks no permission), and the job then runs with the
   * scheduling user's rights.
   */
  const schedule = schedulePublishHandler as unknown as (args: {
    // The arguments it reads; the admin also passes its import map, locale and permissions.
    type: 'publish' | 'unpublish'
    date: Date
    doc: { relationTo: 'posts'; value: string }
    req: PayloadRequest
  }) => Promise<{ message?: string; error?: string }>
  const createLocalReqFor = (who: SignedInRole) =>
    createLocalReq({ user: { ...ctx.team.users[who], collection: 'users' } }, ctx.payload)
  const scheduleUnpublishFromAdmin = async (who: SignedInRole, id: string) =>
    schedule({
      type: 'unpublish',
      date: new Date(Date.now() - 1_000),
      doc: { relationTo: 'posts', value: id },
      req: await createLocalReq(
        { user: { ...ctx.team.users[who], collection: 'users' } },
        ctx.payload,
      ),
    })

  it.each(['admin', 'editor', 'author', 'reviewer'] as const)(
    'an unpublish scheduled by %s runs with their rights',
    async (who) => {
      const { id } = await liveArticleWithDraft(`Ritiro programmato (${who})`)
      expect(await scheduleUnpublishFromAdmin(who, id)).toEqual({ message: expect.any(String) })
      await ctx.payload.jobs.run({ queue: 'default' })
      if (MAY_CHANGE_LIVE[who]) {
        expect((await live(id))._status).toBe('draft')
        expect(await anonymousStatus(id)).toBe(404)
        return
      }
      const job = (
        await ctx.payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'schedulePublish' } },
          limit: 0,
        })
      ).docs.find((doc) => JSON.stringify(doc.input).includes(id))
      expect(job?.hasError).toBe(true)
      expect(JSON.stringify(job?.error)).toContain(LIVE_CHANGE_REFUSED)
      expect((await live(id))._status).toBe('published')
      expect(await anonymousStatus(id)).toBe(200)
    },
  )

  it.each(['author', 'reviewer'] as const)(
    '%s cannot cancel an editor’s scheduled publish from the admin',
    async (who) => {
      const { id } = await liveArticleWithDraft(`Annullamento (${who})`)
      const job = await ctx.payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() + 60 * 60 * 1000),
        input: {
          type: 'unpublish',
          doc: { relationTo: 'posts', value: id },
          user: { relationTo: 'users', value: ctx.team.users.editor.id },
        },
      })
      const cancel = async (as: SignedInRole) =>
        (
          schedulePublishHandler as unknown as (args: {
            type: 'publish' | 'unpublish'
            date: Date
            deleteID: string
            doc: { relationTo: 'posts'; value: string }
            req: PayloadRequest
          }) => Promise<{ message?: string; error?: string }>
        )({
          type: 'unpublish',
          date: new Date(Date.now() + 2 * 60 * 60 * 1000),
          deleteID: String(job.id),
          doc: { relationTo: 'posts', value: id },
          req: await createLocalReqFor(as),
        })
      const exists = async () =>
        (
          await ctx.payload.count({
            collection: 'payload-jobs',
            where: { id: { equals: job.id } },
          })
        ).totalDocs
      expect(await cancel(who)).toEqual({ error: expect.any(String) })
      expect(await exists()).toBe(1)
      expect(await cancel('editor')).toEqual({ message: expect.any(String) })
      expect(await exists()).toBe(0)
    },
  )
})
