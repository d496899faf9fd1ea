import { beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { errorStatuses, errorText, graphqlRequest } from './helpers/graphql-request'
import { setupRestPayload } from './helpers/rest'

/*
 * Sorting and filtering only on fields the requester may read. Payload checks `where` paths, but
 * skipped a `sort` it could not resolve and let the database sort by it anyway: ordering posts by
 * `createdBy.hash` (the author's password hash) is an oracle on the hash, one request at a time.
 * The permission map (`/api/access`) listed every field to anonymous clients.
 */

const ctx = setupRestPayload()

const message = (body: Record<string, unknown>) =>
  ((body.errors as { message: string }[] | undefined) ?? []).map((e) => e.message).join(' | ')

beforeAll(async () => {
  for (const who of ['author', 'editor'] as const) {
    await ctx.payload.create({
      ...QUIET,
      user: ctx.team.users.editor,
      collection: 'posts',
      data: {
        title: `Di ${who}`,
        slug: '',
        content: paragraphBody('Testo.'),
        _status: 'published',
      },
    })
  }
})

describe('sort and where on hidden or unreadable fields', () => {
  it('anonymous clients cannot sort by another collection’s secrets or unreadable fields', async () => {
    for (const sort of [
      'createdBy.hash',
      '-createdBy.hash',
      'createdBy.salt',
      'createdBy.resetPasswordToken',
      'createdBy.email',
      'createdBy.name',
    ]) {
      const { status, body } = await ctx.rest('GET', `/posts?sort=${sort}`)
      expect([sort, status]).toEqual([sort, 400])
      expect(message(body)).toBe(
        `Non si può ordinare per "${sort}": campo sconosciuto o non leggibile.`,
      )
    }
  })

  it('nobody, not even an admin, sorts or filters by password hashes, salts, tokens or sessions', async () => {
    for (const token of [ctx.team.tokens.author, ctx.team.tokens.admin]) {
      for (const path of [
        '/posts?sort=createdBy.hash',
        '/users?sort=hash',
        '/users?sort=-salt',
        '/users?sort=resetPasswordToken',
        '/users?where[hash][exists]=true',
        '/users?where[sessions.id][exists]=true',
        '/posts?where[createdBy.salt][like]=a',
      ]) {
        const { status } = await ctx.rest('GET', path, { token })
        expect([path, status]).toEqual([path, 400])
      }
    }
  })

  it('unknown sort fields are refused instead of ignored', async () => {
    const { status, body } = await ctx.rest('GET', '/posts?sort=nonexistent')
    expect(status).toBe(400)
    expect(message(body)).toMatch(/"nonexistent": campo sconosciuto/)
  })

  it('readable fields still sort and filter', async () => {
    for (const path of [
      '/posts?sort=-publishedAt',
      '/posts?sort=title,-createdAt',
      '/posts?sort=createdBy',
      '/posts?where[title][like]=di',
    ]) {
      const { status, body } = await ctx.rest('GET', path)
      expect([path, status]).toEqual([path, 200])
      expect((body.docs as unknown[]).length).toBe(2)
    }
    const own = await ctx.rest('GET', '/users?sort=email&where[name][like]=admin', {
      token: ctx.team.tokens.admin,
    })
    expect(own.status).toBe(200)
  })

  it('GraphQL refuses the same sorts', async () => {
    const result = await graphqlRequest(
      ctx.payload,
      '{ Posts(sort: "createdBy.hash") { docs { title } } }',
    )
    expect(errorStatuses(result)).toEqual([400])
    expect(errorText(result)).toMatch(/Non si può ordinare per "createdBy.hash"/)
    expect(result.data?.Posts ?? null).toBeNull()
  })
})

describe('the permission map', () => {
  it('is not shown to anonymous clients over REST', async () => {
    const root = await ctx.rest('GET', '/access')
    expect(root.status).toBe(403)
    expect(root.body.collections).toBeUndefined()
    for (const path of ['/posts/access', '/globals/clinic/access']) {
      const { status, body } = await ctx.rest('POST', path)
      expect([path, status]).toEqual([path, 403])
      expect(body.fields).toBeUndefined()
    }
  })

  it('is still given to signed-in users (the admin needs it)', async () => {
    const { status, body } = await ctx.rest('GET', '/access', { token: ctx.team.tokens.editor })
    expect(status).toBe(200)
    expect(body).toMatchObject({ canAccessAdmin: true, collections: { posts: { read: true } } })
  })

  it('is not shown to anonymous clients over GraphQL', async () => {
    const query = '{ Access { canAccessAdmin } }'
    const anonymous = await graphqlRequest(ctx.payload, query)
    expect(errorText(anonymous)).toBe('"Access" è riservato agli utenti autenticati.')
    expect(anonymous.data).toBeUndefined()
    const docAccess = await graphqlRequest(
      ctx.payload,
      '{ docAccessPost(id: "00000000-0000-4000-8000-000000000000") { fields { title { read { permission } } } } }',
    )
    expect(errorText(docAccess)).toMatch(/"docAccessPost" è riservato agli utenti autenticati/)
    const editor = await graphqlRequest(ctx.payload, query, { token: ctx.team.tokens.editor })
    expect(editor.errors).toBeUndefined()
    expect(editor.data?.Access).toEqual({ canAccessAdmin: true })
  })
})
