import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { PUBLISH_REFUSED } from '@/collections/Posts/hooks/editorialRules'
import type { Post, User } from '@/payload-types'
import { articleBlocksToLexical } from '@/lib/text-import'

import { startRestPayload, type Rest, type RestPayload, type RestTeam } from './helpers/rest'

/* Versions: every save is kept for the admin's compare view, and restores follow the roles. */

let ctx: RestPayload
let payload: Payload
let rest: Rest
let team: RestTeam
const quiet = { context: { disableRevalidate: true } }
// A fresh body per post: Payload's hooks may change the object they are given.
const content = () => articleBlocksToLexical([{ type: 'paragraph', text: 'Testo.' }])

beforeAll(async () => {
  ctx = await startRestPayload()
  ;({ payload, rest, team } = ctx)
}, 60_000)

afterAll(async () => {
  await ctx?.cleanup()
})

const as = (user: User) => ({ ...quiet, user, overrideAccess: false })

/** An author's post, published by an editor as "Prima", then again as "Terza" (slug from `name`). */
async function postWithHistory(name: string) {
  const post = await payload.create({
    ...as(team.users.author),
    collection: 'posts',
    draft: true,
    data: { title: name, slug: '', content: content(), _status: 'draft' },
  })
  const update = (title: string, status: 'draft' | 'published') =>
    payload.update({
      ...as(team.users.editor),
      collection: 'posts',
      id: post.id,
      draft: status === 'draft',
      data: { title, _status: status },
    })
  const first = await update('Prima', 'published')
  await update('Seconda', 'draft')
  await update('Terza', 'published')
  const versions = await payload.findVersions({
    collection: 'posts',
    where: { parent: { equals: post.id } },
    sort: 'createdAt',
    limit: 0,
  })
  const firstPublished = versions.docs.find(
    (version) => version.version.title === 'Prima' && version.version._status === 'published',
  )!
  return { id: post.id, publishedAt: first.publishedAt, versions, firstPublished }
}

const live = (id: number) =>
  payload.findByID({ collection: 'posts', id, depth: 0 }) as Promise<Post>
const latest = (id: number) =>
  payload.findByID({ collection: 'posts', id, depth: 0, draft: true }) as Promise<Post>
const restore = (versionId: string | number, who: 'editor' | 'author', query = '') =>
  rest('POST', `/posts/versions/${versionId}${query}`, { token: team.tokens[who] })

describe('versions', () => {
  it('keep every save, published and draft, for comparison', async () => {
    const { versions } = await postWithHistory('Storia completa')
    expect(versions.docs.map((v) => [v.version.title, v.version._status])).toEqual([
      ['Storia completa', 'draft'],
      ['Prima', 'published'],
      ['Seconda', 'draft'],
      ['Terza', 'published'],
    ])
  })

  it('an editor restores an old published version: it goes live, publishedAt is kept', async () => {
    const { id, publishedAt, firstPublished } = await postWithHistory('Ripristino del redattore')
    expect((await restore(firstPublished.id, 'editor')).status).toBe(200)
    expect(await live(id)).toMatchObject({ title: 'Prima', _status: 'published', publishedAt })
  })

  it('an author restores a version only as a draft: the live article does not change', async () => {
    const { id, firstPublished } = await postWithHistory('Ripristino dell’autore')
    const refused = await restore(firstPublished.id, 'author')
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).toContain(PUBLISH_REFUSED)
    expect((await live(id)).title).toBe('Terza')

    expect((await restore(firstPublished.id, 'author', '?draft=true')).status).toBe(200)
    expect((await latest(id)).title).toBe('Prima')
    expect(await live(id)).toMatchObject({ title: 'Terza', _status: 'published' })
  })
})
