import { describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { graphqlClient, type GraphQLResult } from './helpers/graphql'
import { setupRestPayload, type Role, type RestTeam } from './helpers/rest'

/*
 * The same roles over GraphQL (POST /api/graphql through Payload's real route handler): Payload
 * applies the collections' access functions there too; these cases make sure nothing in our
 * configuration opens a side door.
 */

const ctx = setupRestPayload()

const graphql = (query: string, who: Role = 'anonymous'): Promise<GraphQLResult> =>
  graphqlClient(ctx.payload)(query, ctx.team.tokens[who])

/** An id as a GraphQL string literal (ids are strings: UUIDs or ObjectIds). */
const idLiteral = (id: string) => JSON.stringify(id)

const draftBy = (who: keyof RestTeam['users'], title: string) =>
  ctx.payload.create({
    ...QUIET,
    user: ctx.team.users[who],
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content: paragraphBody('Testo.'), _status: 'draft' },
  })
const stored = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 }) as Promise<Post>
const errorText = (result: GraphQLResult) => (result.errors ?? []).map((e) => e.message).join(' | ')

describe('GraphQL access', () => {
  it('anonymous readers get published posts only, even asking for drafts', async () => {
    const live = await draftBy('author', 'GraphQL pubblicato')
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: live.id,
      data: { _status: 'published' },
    })
    await draftBy('author', 'GraphQL bozza')
    for (const args of ['', '(draft: true)']) {
      const result = await graphql(`{ Posts${args} { docs { title } } }`)
      const titles = (result.data?.Posts as { docs: { title: string }[] }).docs.map((d) => d.title)
      expect(titles).toContain('GraphQL pubblicato')
      expect(titles).not.toContain('GraphQL bozza')
    }
  })

  it('appointment requests are not in the GraphQL schema at all', async () => {
    const result = await graphql('{ AppointmentRequests { docs { id } } }', 'admin')
    expect(errorText(result)).toMatch(/Cannot query field "AppointmentRequests"/)
  })

  it('password hashes, salts, reset tokens and lock fields never come back, even to an admin', async () => {
    // Give one account a real reset token, so there is something to leak.
    await ctx.payload.forgotPassword({
      collection: 'users',
      data: { email: ctx.team.users.otherAuthor.email },
      disableEmail: true,
    })
    const withToken = await ctx.payload.findByID({
      collection: 'users',
      id: ctx.team.users.otherAuthor.id,
      showHiddenFields: true,
    })
    expect(withToken).toMatchObject({
      resetPasswordToken: expect.any(String),
      hash: expect.any(String),
    })
    const secrets = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'lockUntil']
    for (const field of secrets) {
      const result = await graphql(`{ Users { docs { email ${field} } } }`, 'admin')
      // Either the schema has no such field, or every value is withheld.
      const docs = (result.data?.Users as { docs: Record<string, unknown>[] } | undefined)?.docs
      if (docs) {
        expect(docs.length).toBeGreaterThan(1)
        expect(docs.map((doc) => doc[field] ?? null)).toEqual(docs.map(() => null))
      } else {
        expect(errorText(result)).toMatch(new RegExp(`Cannot query field "${field}"`))
      }
    }
  })

  it('users: anonymous readers are refused, others see only their own account', async () => {
    expect(errorText(await graphql('{ Users { docs { email } } }'))).toMatch(
      /autorizzato|authorized/i,
    )
    const own = await graphql('{ Users { docs { email } } }', 'author')
    expect(own.data?.Users).toEqual({ docs: [{ email: ctx.team.users.author.email }] })
  })

  it('an author cannot publish by mutation; an editor can', async () => {
    const post = await draftBy('author', 'GraphQL da pubblicare')
    const publish = `mutation { updatePost(id: ${idLiteral(post.id)}, data: { _status: published }) { _status } }`
    expect(errorText(await graphql(publish, 'author'))).toMatch(/autorizzato|authorized/i)
    expect((await stored(post.id))._status).toBe('draft')
    const byEditor = await graphql(publish, 'editor')
    expect(byEditor.errors).toBeUndefined()
    expect((await stored(post.id))._status).toBe('published')
  })

  it('nobody but an admin changes a role, not even their own', async () => {
    const author = ctx.team.users.author
    const result = await graphql(
      `mutation { updateUser(id: ${idLiteral(author.id)}, data: { role: admin }) { role } }`,
      'author',
    )
    expect(result.data?.updateUser ?? null).not.toEqual({ role: 'admin' })
    const reread = await ctx.payload.findByID({ collection: 'users', id: author.id })
    expect(reread.role).toBe('author')
  })

  it('a reviewer’s edit of the article text is ignored', async () => {
    const post = await draftBy('author', 'GraphQL da revisionare')
    await graphql(
      `mutation { updatePost(id: ${idLiteral(post.id)}, draft: true, data: { title: "Titolo del revisore" }) { title } }`,
      'reviewer',
    )
    expect((await stored(post.id)).title).toBe('GraphQL da revisionare')
  })

  it('answers the permission queries of staff in the schema’s shape, as /api/access does', async () => {
    const OPERATIONS = ['create', 'read', 'update', 'delete'] as const
    const operations = OPERATIONS.map((op) => `${op} { permission }`).join(' ')
    const query = `{ Access { canAccessAdmin users { ${operations} } posts { ${operations} fields { title { update { permission } } } } } }`
    /** REST's short form: `true`, or `{ permission }`; a missing key is "no". */
    const allowed = (value: unknown) =>
      value === true ||
      (typeof value === 'object' && value !== null && 'permission' in value
        ? (value as { permission: unknown }).permission === true
        : false)
    for (const who of ['reviewer', 'author', 'editor', 'admin'] as const) {
      const result = await graphql(query, who)
      expect(errorText(result)).toBe('')
      const access = result.data?.Access as Record<string, Record<string, { permission: boolean }>>
      const rest = await ctx.rest('GET', '/access', { token: ctx.team.tokens[who] })
      const collections = rest.body.collections as Record<string, Record<string, unknown>>
      for (const collection of ['posts', 'users']) {
        for (const op of OPERATIONS) {
          expect([who, collection, op, access[collection]?.[op]?.permission]).toEqual([
            who,
            collection,
            op,
            allowed(collections[collection]?.[op]),
          ])
        }
      }
      // Reviewers sign reviews but never retitle an article: the field-level answer says so.
      const titleUpdate = (
        access.posts as unknown as { fields: { title: { update: { permission: boolean } } } }
      ).fields.title.update.permission
      expect(titleUpdate).toBe(who !== 'reviewer')
    }

    const post = await draftBy('author', 'GraphQL permessi del documento')
    const doc = await graphql(
      `{ docAccessPost(id: ${idLiteral(post.id)}) { read { permission } update { permission } delete { permission } } }`,
      'editor',
    )
    expect(errorText(doc)).toBe('')
    expect(doc.data?.docAccessPost).toEqual({
      read: { permission: true },
      update: { permission: true },
      delete: { permission: true },
    })
  })
})
