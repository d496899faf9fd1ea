import { beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '@/payload-types'

import {
  createUser,
  paragraphBody,
  QUIET,
  TEST_PASSWORD,
  withoutErrorLogs,
} from './helpers/fixtures'
import { deepKeys, ROLES, setupRestPayload, type Rest } from './helpers/rest'

/*
 * User accounts over REST, beyond the access matrix of rest-access.test.ts: what user documents
 * reveal, who changes roles, the auth endpoints and the session cookie.
 */

const ctx = setupRestPayload()
let otherDoctorId: string
const richText = paragraphBody('Testo.')

beforeAll(async () => {
  otherDoctorId = (
    await ctx.payload.create({
      collection: 'authors',
      data: { name: 'Luca Bianchi', slug: '' },
      ...QUIET,
    })
  ).id
}, 60_000)

const newAccount = (email: string) => createUser(ctx.payload, email, 'author')
const muted = <T>(run: () => Promise<T>) => withoutErrorLogs(ctx.payload, run)
const failLogins = (email: string, times: number) =>
  muted(async () => {
    for (let attempt = 0; attempt < times; attempt++) {
      await ctx.rest('POST', '/users/login', { json: { email, password: 'not-the-password' } })
    }
  })

describe('user accounts over REST', () => {
  const SECRETS = [
    'hash',
    'salt',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'loginAttempts',
    'lockUntil',
  ]
  let withResetToken: User
  let locked: User

  beforeAll(async () => {
    withResetToken = await newAccount('reset@test.it')
    locked = await newAccount('bloccato@test.it')
    // A post whose `createdBy` populates to the author's account in the admin's responses.
    await ctx.payload.create({
      collection: 'posts',
      user: ctx.team.users.author,
      draft: true,
      data: { title: 'Articolo', slug: '', content: richText, _status: 'draft' },
      ...QUIET,
    })
    await failLogins(withResetToken.email, 1)
    expect(
      (await ctx.rest('POST', '/users/forgot-password', { json: { email: 'reset@test.it' } }))
        .status,
    ).toBe(200)
    await failLogins(locked.email, 5)
    // The secrets exist in the database, so their absence below is the API hiding them.
    const stored = async (id: string) =>
      (await ctx.payload.findByID({ collection: 'users', id, showHiddenFields: true })) as User &
        Record<string, unknown>
    expect(await stored(withResetToken.id)).toMatchObject({
      resetPasswordToken: expect.any(String),
    })
  })

  it.each(ROLES)('never expose hashes, reset tokens or lock fields to %s', async (role) => {
    const token = ctx.team.tokens[role]
    const body = async (...request: Parameters<Rest>) => (await ctx.rest(...request)).body
    const list = await body('GET', '/users?depth=1&limit=100', { token })
    const posts = await body('GET', '/posts?depth=2&draft=true&limit=100', { token })
    const responses: unknown[] = [
      list,
      posts,
      await body('GET', '/users/me', { token }),
      await body('GET', `/users/${withResetToken.id}`, { token }),
      await body('GET', `/users/${locked.id}`, { token }),
    ]
    if (role !== 'anonymous') {
      const self = ctx.team.users[role]
      responses.push(
        ctx.team.logins[role],
        await body('GET', `/users/${self.id}`, { token }),
        await body('PATCH', `/users/${self.id}`, { token, json: { name: self.name } }),
        await body('POST', '/users/refresh-token', { token }),
      )
    }
    expect([...deepKeys(responses)].filter((key) => SECRETS.includes(key))).toEqual([])
    if (role === 'admin') {
      // The admin really received those accounts, and posts with their authors' accounts populated.
      const emails = ((list.docs ?? []) as User[]).map((user) => user.email)
      expect(emails).toEqual(expect.arrayContaining(['reset@test.it', 'bloccato@test.it']))
      expect(deepKeys(posts)).toContain('email')
    }
  })

  it.each(['editor', 'author', 'reviewer'] as const)(
    'role %s: raising their own role or relinking their profile is ignored',
    async (role) => {
      const self = ctx.team.users[role]
      const { status } = await ctx.rest('PATCH', `/users/${self.id}`, {
        token: ctx.team.tokens[role],
        json: { role: 'admin', profile: otherDoctorId },
      })
      expect(status).toBe(200)
      const stored = await ctx.payload.findByID({ collection: 'users', id: self.id, depth: 0 })
      expect({ role: stored.role, profile: stored.profile ?? null }).toEqual({
        role,
        profile: role === 'reviewer' ? ctx.team.doctorId : null,
      })
      // And the same session still cannot do what an admin does.
      const create = await ctx.rest('POST', '/users', {
        token: ctx.team.tokens[role],
        json: { email: `${role}-nuovo@test.it`, password: TEST_PASSWORD, name: 'X', role: 'admin' },
      })
      expect(create.status).toBe(403)
    },
  )

  it('an admin changes another account’s role', async () => {
    const account = await newAccount('promosso@test.it')
    const { status } = await ctx.rest('PATCH', `/users/${account.id}`, {
      token: ctx.team.tokens.admin,
      json: { role: 'editor' },
    })
    expect(status).toBe(200)
    expect((await ctx.payload.findByID({ collection: 'users', id: account.id })).role).toBe(
      'editor',
    )
  })

  it('the first-user registration is closed once accounts exist', async () => {
    const before = (await ctx.payload.count({ collection: 'users' })).totalDocs
    const { status } = await ctx.rest('POST', '/users/first-register', {
      json: { email: 'intruso@test.it', password: TEST_PASSWORD, name: 'Intruso' },
    })
    expect(status).toBe(403)
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })
})

describe('the session cookie', () => {
  it('is honoured from the site’s own origin and ignored cross-site (CSRF)', async () => {
    const withCookie = (headers: Record<string, string>) => ({
      headers: { Cookie: ctx.team.cookies.editor, ...headers },
    })
    const me = async (headers: Record<string, string>) =>
      ((await ctx.rest('GET', '/users/me', withCookie(headers))).body.user as User | null)?.email ??
      null
    const createCategory = async (headers: Record<string, string>) =>
      (
        await ctx.rest('POST', '/categories', {
          ...withCookie(headers),
          json: { title: `Categoria ${Object.values(headers).join(' ')}`, slug: '' },
        })
      ).status

    const site = ctx.payload.config.serverURL
    expect(await me({ Origin: site })).toBe('editor@test.it')
    expect(await me({ 'Sec-Fetch-Site': 'same-origin' })).toBe('editor@test.it')
    expect(await me({ Origin: 'https://evil.example' })).toBeNull()
    expect(await me({ 'Sec-Fetch-Site': 'cross-site' })).toBeNull()
    // Non-browser clients without Origin must use the Authorization header.
    expect(await me({})).toBeNull()
    expect(await createCategory({ Origin: site })).toBe(201)
    expect(await createCategory({ Origin: 'https://evil.example' })).toBe(403)
  })
})

describe('no account lockout', () => {
  // A hard lockout let anyone lock any account (the admin's included) from a few addresses;
  // failed logins now only slow down the address that made them (see auth-guards.test.ts).
  it('keeps an account usable after many failures, with no unlock needed', async () => {
    const account = await newAccount('mai-bloccato@test.it')
    await failLogins(account.email, 8)
    const login = await ctx.rest('POST', '/users/login', {
      json: { email: account.email, password: TEST_PASSWORD },
      headers: { 'X-Forwarded-For': '203.0.113.50' },
    })
    expect(login.status).toBe(200)
    const unlock = await ctx.rest('POST', '/users/unlock', {
      token: ctx.team.tokens.author,
      json: { email: account.email },
    })
    expect(unlock.status).toBe(403)
  })
})
