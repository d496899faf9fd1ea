import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug } from 'payload'

import type { User } from '@/payload-types'

import { createUser, paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
let admin: User
let editor: User
let otherEditor: User

const content = paragraphBody('Testo di prova.')

beforeAll(async () => {
  admin = await createUser(ctx.payload, 'admin@test.it', 'admin')
  editor = await createUser(ctx.payload, 'editor@test.it', 'editor')
  otherEditor = await createUser(ctx.payload, 'editor2@test.it', 'editor')
}, 60_000)

describe('anonymous visitors', () => {
  it('never see a draft post, in lists or by id', async () => {
    const draft = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Bozza riservata', content, _status: 'draft' },
      draft: true,
    })
    const published = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Articolo pubblicato', slug: '', content, _status: 'published' },
    })

    const { docs } = await ctx.payload.find({ collection: 'posts', overrideAccess: false })
    expect(docs.map((doc) => doc.id)).toEqual([published.id])

    const asDraft = await ctx.payload.find({
      collection: 'posts',
      overrideAccess: false,
      draft: true,
    })
    expect(asDraft.docs.map((doc) => doc.title)).toEqual(['Articolo pubblicato'])

    await expect(
      ctx.payload.findByID({ collection: 'posts', id: draft.id, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('cannot read user accounts', async () => {
    await expect(
      ctx.payload.find({ collection: 'users', overrideAccess: false }),
    ).rejects.toMatchObject({
      status: 403,
    })
  })

  const writable: { collection: CollectionSlug; data: Record<string, unknown> }[] = [
    { collection: 'posts', data: { title: 'Intruso', content } },
    { collection: 'categories', data: { title: 'Intrusa' } },
    { collection: 'authors', data: { name: 'Intruso' } },
    { collection: 'users', data: { email: 'x@test.it', password: 'a-long-password', name: 'X' } },
  ]

  it.each(writable)('cannot create, update or delete $collection', async ({ collection, data }) => {
    await expect(
      ctx.payload.create({ collection, data: data as never, overrideAccess: false }),
    ).rejects.toMatchObject({
      status: 403,
    })
    const existing = await ctx.payload.create({
      ...QUIET,
      collection,
      data: { ...data, email: collection === 'users' ? 'target@test.it' : undefined } as never,
      overrideAccess: true,
    })
    await expect(
      ctx.payload.update({ collection, id: existing.id, data: {} as never, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      ctx.payload.delete({ collection, id: existing.id, overrideAccess: false }),
    ).rejects.toMatchObject({
      status: 403,
    })
    expect((await ctx.payload.findByID({ collection, id: existing.id })).id).toBe(existing.id)
  })

  it('cannot change the clinic', async () => {
    await expect(
      ctx.payload.updateGlobal({ slug: 'clinic', data: { name: 'Hacked' }, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('editors', () => {
  it('write and publish posts', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Scritto da una redattrice', slug: '', content, _status: 'published' },
      user: editor,
      overrideAccess: false,
    })
    expect(post._status).toBe('published')
    expect(post.slug).toBe('scritto-da-una-redattrice')
  })

  it('cannot create users', async () => {
    await expect(
      ctx.payload.create({
        collection: 'users',
        data: { email: 'new@test.it', password: 'a-long-password', name: 'Nuovo', role: 'editor' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('cannot raise their own role or change anyone else’s', async () => {
    const self = await ctx.payload.update({
      collection: 'users',
      id: editor.id,
      data: { role: 'admin', name: 'Nome aggiornato' },
      user: editor,
      overrideAccess: false,
    })
    expect(self.name).toBe('Nome aggiornato')
    expect(self.role).toBe('editor')
    expect((await ctx.payload.findByID({ collection: 'users', id: editor.id })).role).toBe('editor')

    await expect(
      ctx.payload.update({
        collection: 'users',
        id: otherEditor.id,
        data: { role: 'admin' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('see only their own account', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'users',
      user: editor,
      overrideAccess: false,
    })
    expect(docs.map((doc) => doc.email)).toEqual(['editor@test.it'])
  })
})

describe('admins', () => {
  it('manage users and roles', async () => {
    const promoted = await ctx.payload.update({
      collection: 'users',
      id: otherEditor.id,
      data: { role: 'admin' },
      user: admin,
      overrideAccess: false,
    })
    expect(promoted.role).toBe('admin')
  })

  it('never receive password hashes or salts', async () => {
    const found = await ctx.payload.findByID({
      collection: 'users',
      id: editor.id,
      user: admin,
      overrideAccess: false,
    })
    expect(found).not.toHaveProperty('hash')
    expect(found).not.toHaveProperty('salt')
  })
})
