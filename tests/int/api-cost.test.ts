import { beforeAll, describe, expect, it } from '@jest/globals'

import { GRAPHQL_MAX_COST, MAX_DEPTH, MAX_LIMIT } from '@/lib/api-guard'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { errorText, graphqlRequest } from './helpers/graphql-request'
import { setupRestPayload } from './helpers/rest'

/*
 * What one anonymous request may make the server read. The attacks: Payload's REST API has no
 * maximum `limit` (`limit=0&pagination=false&depth=10` returns every document, fully populated),
 * and its GraphQL complexity counts a list once, so fifty aliases of a 100-post list passed.
 */

const ctx = setupRestPayload()
const POSTS = 12
const graphql = (query: string, variables?: Record<string, unknown>) =>
  graphqlRequest(ctx.payload, query, { variables })
const message = (body: Record<string, unknown>) =>
  ((body.errors as { message: string }[] | undefined) ?? []).map((e) => e.message).join(' | ')

beforeAll(async () => {
  for (let i = 1; i <= POSTS; i++) {
    await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: {
        title: `Articolo pubblico ${i}`,
        slug: '',
        content: paragraphBody('Testo.'),
        _status: 'published',
      },
    })
  }
})

describe('REST list size and depth', () => {
  it('refuse an unbounded list: limit=0, pagination=false, limit over the maximum', async () => {
    for (const query of [
      'limit=0&pagination=false&depth=10',
      'limit=0',
      'pagination=false',
      `limit=${MAX_LIMIT + 1}`,
    ]) {
      const { status, body } = await ctx.rest('GET', `/posts?${query}`)
      expect([query, status]).toEqual([query, 400])
      expect(message(body)).toMatch(/"(limit|pagination)" non valido/)
      expect(body.docs).toBeUndefined()
    }
  })

  it('the maximum is enforced for signed-in users too, on every collection', async () => {
    for (const path of ['/posts', '/users', '/media', '/payload-locked-documents']) {
      const { status } = await ctx.rest('GET', `${path}?limit=0&pagination=false`, {
        token: ctx.team.tokens.admin,
      })
      expect([path, status]).toEqual([path, 400])
    }
  })

  it('a full page of the maximum size is still served', async () => {
    const { status, body } = await ctx.rest('GET', `/posts?limit=${MAX_LIMIT}&depth=0`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ limit: MAX_LIMIT, totalDocs: POSTS })
    expect((body.docs as unknown[]).length).toBe(POSTS)
  })

  it('refuse anonymous depth above 2, also by id and on globals', async () => {
    const id = (await ctx.payload.find({ collection: 'posts', limit: 1 })).docs[0]!.id
    for (const path of [`/posts?depth=3`, `/posts/${id}?depth=10`, '/globals/clinic?depth=5']) {
      const { status, body } = await ctx.rest('GET', path)
      expect([path, status]).toEqual([path, 400])
      expect(message(body)).toMatch(/"depth" non valido: atteso un intero tra 0 e 2/)
    }
    expect((await ctx.rest('GET', `/posts/${id}?depth=2`)).status).toBe(200)
  })

  it('signed-in users get at most Payload’s maxDepth', async () => {
    expect(ctx.payload.config.maxDepth).toBe(MAX_DEPTH)
    const read = (depth: number) =>
      ctx.rest('GET', `/posts?limit=1&depth=${depth}`, { token: ctx.team.tokens.admin })
    const deep = await read(10)
    expect(deep.status).toBe(200)
    expect(deep.body).toEqual((await read(MAX_DEPTH)).body)
  })
})

/** `Posts(limit: n) { docs { title content } }`, aliased `count` times. */
const aliasedLists = (count: number, limit: number, fields = 'title content') =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: Posts(limit: ${limit}) { docs { ${fields} } }`).join(' ')} }`

describe('GraphQL cost', () => {
  it('refuses fifty aliased 100-post lists before running any of them', async () => {
    const result = await graphql(aliasedLists(50, 100))
    // 50 × (1 + 100 × (1 docs + 2 fields))
    expect(errorText(result)).toBe(
      `La query è troppo costosa: costo 15050, massimo ${GRAPHQL_MAX_COST}. Riduci "limit", gli alias o i campi richiesti.`,
    )
    expect(result.data).toBeUndefined()
  })

  it('counts each alias and each list item: 4 lists of 100 pass, 5 do not', async () => {
    const four = await graphql(aliasedLists(4, 100, 'title'))
    expect(four.errors).toBeUndefined()
    expect(Object.keys(four.data ?? {})).toHaveLength(4)
    expect(errorText(await graphql(aliasedLists(5, 100, 'title')))).toMatch(
      /troppo costosa: costo 1005, massimo 1000/,
    )
  })

  it('counts the default limit (10) when none is given, and nested lists by 10 each', async () => {
    // 1 + 10 × (docs 1 + title 1 + categories (1 + 10 × (title 1)))
    const nested = '{ Posts { docs { title categories { title } } } }'
    expect((await graphql(nested)).errors).toBeUndefined()
    const many = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: Posts { docs { title categories { title } } }`).join(' ')} }`
    expect(errorText(await graphql(many))).toMatch(/costo 1048, massimo 1000/)
  })

  it('counts fragments, and limits given as variables', async () => {
    const query = `query Q($limit: Int) {
      a: Posts(limit: $limit) { ...List } b: Posts(limit: $limit) { ...List }
      c: Posts(limit: $limit) { ...List } d: Posts(limit: $limit) { ...List }
      e: Posts(limit: $limit) { ...List }
    }
    fragment List on Posts { docs { title } }`
    expect((await graphql(query, { limit: 10 })).errors).toBeUndefined()
    expect(errorText(await graphql(query, { limit: 100 }))).toMatch(/costo 1005/)
  })

  it('refuses limits out of range, pagination: false and absurd pages', async () => {
    for (const [args, expected] of [
      ['limit: 0', /"limit" deve essere un intero tra 1 e 100/],
      ['limit: 1000', /"limit" deve essere un intero tra 1 e 100/],
      ['pagination: false', /"pagination" non è ammesso/],
      ['page: 2000000000', /"page" deve essere un intero tra 1 e 10000/],
    ] as const) {
      const result = await graphql(`{ Posts(${args}) { docs { title } } }`)
      expect([args, errorText(result)]).toEqual([args, expect.stringMatching(expected)])
      expect(result.data).toBeUndefined()
    }
  })
})
