import { describe, expect, it } from '@jest/globals'

import type { Post, User } from '@/payload-types'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupRestPayload } from './helpers/rest'

/* Versions: every save is kept for the admin's compare view, and restores follow the roles. */

const ctx = setupRestPayload()

const as = (user: User) => ({ ...QUIET, user, overrideAccess: false })

/** An author's post, published by an editor as "Prima", then again as "Terza" (slug from `name`). */
async function postWithHistory(name: string) {
  const post = await ctx.payload.create({
    ...as(ctx.team.users.author),
    collection: 'posts',
    draft: true,
    // A fresh body per post: Payload's hooks may change the object they are given.
    data: { title: name, slug: '', content: paragraphBody('Testo.'), _status: 'draft' },
  })
  const update = (title: string, status: 'draft' | 'published') =>
    ctx.payload.update({
      ...as(ctx.team.users.editor),
      collection: 'posts',
      id: post.id,
      draft: status === 'draft',
      data: { title, _status: status },
    })
  const first = await update('Prima', 'published')
  await update('Seconda', 'draft')
  await update('Terza', 'published')
  const versions = await ctx.payload.findVersions({
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

const live = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, depth: 0 }) as Promise<Post>
const latest = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, depth: 0, draft: true }) as Promise<Post>
const restore = (versionId: string, who: 'editor' | 'author', query = '') =>
  ctx.rest('POST', `/posts/versions/${versionId}${query}`, { token: ctx.team.tokens[who] })

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
    expect(JSON.stringify(refused.body)).toContain('Non sei autorizzato')
    expect((await live(id)).title).toBe('Terza')

    expect((await restore(firstPublished.id, 'author', '?draft=true')).status).toBe(200)
    expect((await latest(id)).title).toBe('Prima')
    expect(await live(id)).toMatchObject({ title: 'Terza', _status: 'published' })
  })
})
