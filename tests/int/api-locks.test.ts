import { describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupRestPayload, type RestTeam } from './helpers/rest'

/*
 * Document locks over REST (`/api/payload-locked-documents`, which Payload adds with its default
 * access: any signed-in user may do anything). A lock names a document and the user editing it;
 * anyone else's save of that document is refused with 423 for five minutes.
 */

const ctx = setupRestPayload()
const LOCKS = '/payload-locked-documents'

type Who = keyof RestTeam['users']
type Lock = { id: string; user: { value: string | { id: string } }; document?: { value: unknown } }

const draftBy = async (who: Who, title: string) =>
  (
    await ctx.payload.create({
      ...QUIET,
      user: ctx.team.users[who],
      collection: 'posts',
      draft: true,
      data: { title, slug: '', content: paragraphBody('Testo.'), _status: 'draft' },
    })
  ).id

const pageByEditor = async (title: string) =>
  (
    await ctx.payload.create({
      ...QUIET,
      collection: 'pages',
      draft: true,
      data: { title, slug: '', content: paragraphBody('Testo.'), _status: 'draft' },
    })
  ).id

const userRef = (who: Who) => ({ relationTo: 'users', value: ctx.team.users[who].id })

/** POST a lock as `as`, naming `owner` (the attack names someone else). */
const lockOver = (as: Who, collection: 'posts' | 'pages', id: string, owner: Who = as) =>
  ctx.rest('POST', LOCKS, {
    token: token(as),
    json: { document: { relationTo: collection, value: id }, user: userRef(owner) },
  })

const token = (who: Who) =>
  who === 'otherAuthor' ? undefined : ctx.team.tokens[who as keyof RestTeam['tokens']]

/** The locks stored on a document, read past access control. */
const locksOn = async (id: string) =>
  (
    await ctx.payload.find({
      collection: 'payload-locked-documents',
      where: { 'document.value': { equals: id } },
      depth: 0,
    })
  ).docs as unknown as Lock[]

const ownerOf = (lock: Lock) =>
  typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value

const saveAs = (who: Who, id: string, title: string) =>
  ctx.rest('PATCH', `/posts/${id}?draft=true`, { token: token(who), json: { title } })

describe('document locks', () => {
  it('refuse anonymous clients', async () => {
    const id = await draftBy('editor', 'Lucchetto anonimo')
    expect((await ctx.rest('GET', LOCKS)).status).toBe(403)
    const created = await ctx.rest('POST', LOCKS, {
      json: { document: { relationTo: 'posts', value: id }, user: userRef('editor') },
    })
    expect(created.status).toBe(403)
    expect(await locksOn(id)).toEqual([])
  })

  it('are never created in someone else’s name, so a forged lock cannot block an editor’s save', async () => {
    const id = await draftBy('editor', 'Articolo del redattore')
    // The author claims the admin is editing the editor's article …
    const forged = await lockOver('author', 'posts', id, 'admin')
    expect(forged.status).toBe(403)
    expect(JSON.stringify(forged.body)).toMatch(/a proprio nome/)
    expect(await locksOn(id)).toEqual([])
    // … so the editor's next save goes through (a stored lock would make it 423).
    expect((await saveAs('editor', id, 'Salvato dal redattore')).status).toBe(200)
    // Not even an admin signs a lock for somebody else.
    expect((await lockOver('admin', 'posts', id, 'editor')).status).toBe(403)
    expect(await locksOn(id)).toEqual([])
  })

  it('are taken only on what the user may edit, always as themself', async () => {
    const others = await draftBy('editor', 'Non dell’autore')
    const page = await pageByEditor('Pagina del redattore')
    const own = await draftBy('author', 'Dell’autore')
    expect((await lockOver('author', 'posts', others)).status).toBe(403)
    expect((await lockOver('author', 'pages', page)).status).toBe(403)
    expect(await locksOn(others)).toEqual([])
    expect(await locksOn(page)).toEqual([])
    const created = await lockOver('author', 'posts', own)
    expect(created.status).toBe(201)
    expect((await locksOn(own)).map(ownerOf)).toEqual([ctx.team.users.author.id])
  })

  it('are removed by their owner or an admin, nobody else', async () => {
    const id = await draftBy('editor', 'Da sbloccare')
    const created = await lockOver('editor', 'posts', id)
    expect(created.status).toBe(201)
    const lockId = (created.body.doc as Lock).id
    const byAuthor = await ctx.rest('DELETE', `${LOCKS}/${lockId}`, { token: token('author') })
    expect(byAuthor.status).toBe(403)
    expect((await locksOn(id)).map((lock) => lock.id)).toEqual([lockId])
    const byAdmin = await ctx.rest('DELETE', `${LOCKS}/${lockId}`, { token: token('admin') })
    expect(byAdmin.status).toBe(200)
    expect(await locksOn(id)).toEqual([])

    const again = (await lockOver('editor', 'posts', id)).body.doc as Lock
    expect(
      (await ctx.rest('DELETE', `${LOCKS}/${again.id}`, { token: token('editor') })).status,
    ).toBe(200)
    expect(await locksOn(id)).toEqual([])
  })

  it('are listed to a user only for what they may edit, and their own', async () => {
    const page = await pageByEditor('Pagina in modifica')
    const post = await draftBy('editor', 'Articolo in modifica')
    const pageLock = (await lockOver('editor', 'pages', page)).body.doc as Lock
    const postLock = (await lockOver('editor', 'posts', post)).body.doc as Lock
    const listed = async (who: Who) =>
      (
        (await ctx.rest('GET', `${LOCKS}?limit=100&depth=0`, { token: token(who) })).body
          .docs as Lock[]
      ).map((lock) => lock.id)
    // Authors edit posts (their own), never pages: they see who is editing a post, not a page.
    expect(await listed('author')).toContain(postLock.id)
    expect(await listed('author')).not.toContain(pageLock.id)
    expect(await listed('editor')).toEqual(expect.arrayContaining([pageLock.id, postLock.id]))
    expect(await listed('admin')).toEqual(expect.arrayContaining([pageLock.id, postLock.id]))
  })

  it('are taken over only by the person taking them, on the same document', async () => {
    const own = await draftBy('author', 'Bozza ripresa')
    const elsewhere = await draftBy('author', 'Altra bozza')
    const lock = (await lockOver('editor', 'posts', own)).body.doc as Lock
    // The admin's "take over" button: the author takes their own article back.
    const toThirdParty = await ctx.rest('PATCH', `${LOCKS}/${lock.id}`, {
      token: token('author'),
      json: { user: userRef('admin') },
    })
    expect(toThirdParty.status).toBe(403)
    expect((await locksOn(own)).map(ownerOf)).toEqual([ctx.team.users.editor.id])
    const takeOver = await ctx.rest('PATCH', `${LOCKS}/${lock.id}`, {
      token: token('author'),
      json: { user: userRef('author'), document: { relationTo: 'posts', value: elsewhere } },
    })
    expect(takeOver.status).toBe(200)
    expect((await locksOn(own)).map(ownerOf)).toEqual([ctx.team.users.author.id])
    expect(await locksOn(elsewhere)).toEqual([])
  })

  it('still work as Payload’s admin uses them: the editor’s lock is seen by others and blocks their save', async () => {
    const id = await draftBy('author', 'Aperto nel pannello')
    // What the admin does when the editor opens the article (handleFormStateLocking).
    await ctx.payload.db.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'posts', value: id }, user: userRef('editor') },
      returning: false,
    })
    // What the admin asks when the author opens it (getIsLocked: Local API as the author).
    const seen = await ctx.payload.find({
      collection: 'payload-locked-documents',
      depth: 1,
      overrideAccess: false,
      user: ctx.team.users.author,
      where: {
        and: [
          { 'document.value': { equals: id } },
          { 'document.relationTo': { equals: 'posts' } },
          { updatedAt: { greater_than: new Date(Date.now() - 300_000) } },
        ],
      },
    })
    expect((seen.docs as unknown as Lock[]).map(ownerOf)).toEqual([ctx.team.users.editor.id])
    // The author's save waits for the editor (Payload's 423), the editor's goes through.
    expect((await saveAs('author', id, 'Salvataggio bloccato')).status).toBe(423)
    expect((await saveAs('editor', id, 'Salvataggio del redattore')).status).toBe(200)
    const stored = (await ctx.payload.findByID({ collection: 'posts', id, draft: true })) as Post
    expect(stored.title).toBe('Salvataggio del redattore')
  })
})
