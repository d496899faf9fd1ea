import { beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { errorStatuses, errorText, graphqlRequest } from './helpers/graphql-request'
import { setupRestPayload } from './helpers/rest'

/*
 * Malformed queries are the client's mistake: 400 with a message, checked before the database
 * sees them. They used to reach the SQLite adapter and come back as 500 "Something went wrong"
 * (`near` on a text field, `page=1e20`, a date that does not parse, `all` on any field, objects
 * as values), and an id that cannot name a document reached the database too.
 */

const ctx = setupRestPayload()
let postId = ''
let categoryId = ''

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'contains',
  'like',
  'not_like',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'near',
  'within',
  'intersects',
]
/** One field of each kind the posts collection has. */
const FIELDS = [
  'title',
  'excerpt',
  'slug',
  '_status',
  'publishedAt',
  'createdAt',
  'pinned',
  'createdBy',
  'heroImage',
  'categories',
  'id',
  'content',
  'faq.question',
  'procedure.name',
  'meta.noindex',
]

const message = (body: Record<string, unknown>) =>
  ((body.errors as { message: string }[] | undefined) ?? []).map((e) => e.message).join(' | ')
const admin = () => ({ token: ctx.team.tokens.admin })

beforeAll(async () => {
  categoryId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Piede', slug: '', medical: false },
    })
  ).id
  postId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: {
        title: 'Alluce valgo',
        slug: '',
        content: paragraphBody('Testo.'),
        categories: [categoryId],
        _status: 'published',
      },
    })
  ).id
})

describe('REST: malformed queries get 400 with a message', () => {
  it('the probe’s four: near on a text field, page=1e20, a bad date, a non-id', async () => {
    const cases: [string, RegExp][] = [
      [
        '/posts?where[title][near]=x',
        /Filtro "title" \[near\] non valido: l'operatore "near" non si applica/,
      ],
      ['/posts?page=1e20', /Parametro "page" non valido: atteso un intero tra 1 e 10000/],
      [
        '/posts?where[publishedAt][greater_than]=notadate',
        /Filtro "publishedAt" \[greater_than\] non valido: serve una data valida/,
      ],
      ['/posts/abc', /Identificativo non valido/],
    ]
    for (const [path, expected] of cases) {
      const { status, body } = await ctx.rest('GET', path)
      expect([path, status, message(body)]).toEqual([path, 400, expect.stringMatching(expected)])
    }
  })

  it('no operator, on any kind of field, with any value, is a server error', async () => {
    const values = ['x', '', '1e20', '2024-01-01', postId]
    const statuses = new Map<string, number>()
    for (const field of FIELDS) {
      for (const operator of OPERATORS) {
        for (const value of values) {
          const path = `/posts?where[${field}][${operator}]=${encodeURIComponent(value)}`
          const { status } = await ctx.rest('GET', path, admin())
          if (status !== 200 && status !== 400) statuses.set(path, status)
        }
      }
    }
    expect(Object.fromEntries(statuses)).toEqual({})
  }, 120_000)

  it('refuses malformed parameters and structures', async () => {
    for (const query of [
      'where=abc',
      'where[title]=x',
      'where[and]=x',
      'where[or][0]=x',
      'where[title][equals][x]=1',
      'where[title][in][0][a]=1',
      'where[title][unknown]=x',
      'where[nonexistent][equals]=x',
      'where[categories][all]=' + 'x',
      'where[pinned][exists]=maybe',
      'limit=abc',
      'limit=1e20',
      'page=0',
      'page=1.5',
      'depth=-1',
      'sort=',
      'sort=nonexistent',
      'sort=content',
    ]) {
      const { status, body } = await ctx.rest('GET', `/posts?${query}`, admin())
      expect([query, status]).toEqual([query, 400])
      expect(message(body)).not.toBe('')
    }
  })

  it('refuses ids that cannot name a document, on every route that takes one', async () => {
    for (const [method, path] of [
      ['GET', '/posts/abc'],
      ['GET', '/posts/123'],
      ['GET', '/posts/versions/abc'],
      ['GET', '/users/abc'],
      ['GET', '/categories/1e20'],
      ['PATCH', '/posts/abc'],
      ['DELETE', '/posts/abc'],
    ] as const) {
      const { status, body } = await ctx.rest(method, path, {
        ...admin(),
        ...(method === 'PATCH' ? { json: { title: 'x' } } : {}),
      })
      expect([method, path, status]).toEqual([method, path, 400])
      expect(message(body)).toMatch(/Identificativo non valido/)
    }
  })

  it('still answers what the site and the admin send', async () => {
    const found = async (path: string, token?: string) => {
      const { status, body } = await ctx.rest('GET', path, { token })
      expect([path, status]).toEqual([path, 200])
      return (body.docs as { id: string }[]).map((doc) => doc.id)
    }
    expect(await found('/posts?where[publishedAt][greater_than]=2020-01-01')).toContain(postId)
    expect(
      await found('/posts?where[publishedAt][less_than_equal]=2999-12-31T23:59:59.999Z'),
    ).toContain(postId)
    expect(await found(`/posts?where[categories][in]=${categoryId}`)).toEqual([postId])
    expect(await found('/posts?where[or][0][title][like]=alluce&sort=-publishedAt,title')).toEqual([
      postId,
    ])
    expect(
      await found(`/posts?where=${encodeURIComponent('{"slug":{"equals":"alluce-valgo"}}')}`),
    ).toEqual([postId])
    // The admin's "select all" bulk actions and its pickers.
    expect(
      await found('/posts?where[id][not_equals]=&limit=100', ctx.team.tokens.editor),
    ).toContain(postId)
    expect(
      await found(`/posts?where[id][in][0]=${postId}&depth=0`, ctx.team.tokens.editor),
    ).toEqual([postId])
    // Versions are queried through their own fields.
    const versions = await found(
      `/posts/versions?where[parent][equals]=${postId}&where[version._status][equals]=published&sort=-updatedAt`,
      ctx.team.tokens.editor,
    )
    expect(versions.length).toBeGreaterThan(0)
  })
})

describe('GraphQL: the same mistakes are refused, not failed', () => {
  const graphql = (query: string) =>
    graphqlRequest(ctx.payload, query, { token: ctx.team.tokens.admin })

  it('refuses what used to reach the database and fail there', async () => {
    for (const where of [
      'title: { all: ["x"] }',
      'categories: { all: ["x"] }',
      'author: { equals: { a: 1 } }',
      'createdBy: { in: { a: 1 } }',
      'content: { like: 1e20 }',
    ]) {
      const result = await graphql(`{ Posts(where: { ${where} }) { docs { id } } }`)
      expect([where, errorStatuses(result)]).toEqual([where, [400]])
      expect(errorText(result)).toMatch(/Filtro "\w+" \[\w+\] non valido/)
    }
    const byId = await graphql('{ Post(id: "abc") { id } }')
    expect(errorStatuses(byId)).toEqual([400])
    expect(errorText(byId)).toMatch(/Identificativo non valido/)
  })

  it('no operator the schema offers, with junk values, is a server error', async () => {
    const inputType = async (name: string) =>
      (
        (
          await graphql(
            `{ __type(name: "${name}") { inputFields { name type { name ofType { name } } } } }`,
          )
        ).data?.__type as {
          inputFields: { name: string; type: { name: string | null; ofType?: { name: string } } }[]
        }
      ).inputFields
    const failures: string[] = []
    for (const field of await inputType('Post_where')) {
      if (!field.type.name || ['AND', 'OR'].includes(field.name)) continue
      for (const operator of await inputType(field.type.name)) {
        const type = operator.type.name ?? operator.type.ofType?.name ?? ''
        const values =
          type === 'Boolean'
            ? ['true']
            : type === 'DateTime'
              ? ['"2024-01-01"']
              : type === 'JSON'
                ? ['"x"', '1e20', '{ a: 1 }', '["x"]']
                : ['"x"', '["x"]']
        for (const value of values) {
          const where = `${field.name}: { ${operator.name}: ${value} }`
          const result = await graphql(`{ Posts(where: { ${where} }) { docs { id } } }`)
          // Schema (validation) errors carry no status: they never ran. Run errors carry Payload's.
          if (errorStatuses(result).some((status) => (status ?? 0) >= 500)) failures.push(where)
        }
      }
    }
    expect(failures).toEqual([])
  }, 120_000)
})
