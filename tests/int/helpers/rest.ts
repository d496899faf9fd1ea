import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { createUser, QUIET, TEST_PASSWORD } from './fixtures'
import { startForThisFile, startTestPayload, TestPayloadHandle, type TestPayload } from './payload'

export type RestMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

export type RestOptions = {
  /** Sent as `Authorization: JWT <token>`: API clients' way, needing no Origin (unlike the cookie). */
  token?: string
  /** Sent as a JSON body. */
  json?: unknown
  /** Sent as multipart form data (uploads). */
  form?: FormData
  headers?: Record<string, string>
}

export type RestResult = { status: number; body: Record<string, unknown>; headers: Headers }

export type Rest = (method: RestMethod, path: string, options?: RestOptions) => Promise<RestResult>

/**
 * Calls the same route handlers as app/(payload)/api/[...slug]/route.ts with real `Request`
 * objects, without an HTTP server: the whole REST pipeline (JWT/cookie extraction, CSRF,
 * body and multipart parsing, access control, error formatting) runs as in production.
 * `path` is relative to the API root, e.g. `/posts/1?draft=true`.
 */
export function restClient(payload: Payload): Rest {
  const config = payload.config
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const apiRoot = new URL(config.routes.api, config.serverURL)

  return async (method, path, { token, json, form, headers: extra } = {}) => {
    const url = new URL(`${apiRoot.pathname}${path}`, apiRoot)
    const headers = new Headers(extra)
    if (token) headers.set('Authorization', `JWT ${token}`)
    let body: BodyInit | undefined
    if (json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(json)
    } else if (form) {
      body = form
    }
    // What Next passes to the catch-all route: the path segments after /api.
    const slug = url.pathname
      .slice(apiRoot.pathname.length)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
    const response = await handlers[method](new Request(url, { method, headers, body }), {
      params: Promise.resolve({ slug }),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: response.headers,
    }
  }
}

/** Logs in through `POST /api/users/login`: the JWT, the response body and the session cookie. */
export async function restLogin(
  rest: Rest,
  email: string,
  password: string,
): Promise<{ token: string; body: Record<string, unknown>; cookie: string }> {
  const { status, body, headers } = await rest('POST', '/users/login', {
    json: { email, password },
  })
  if (status !== 200 || typeof body.token !== 'string') {
    throw new Error(`login of ${email} failed with ${status}: ${JSON.stringify(body)}`)
  }
  const cookie = (headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { token: body.token, body, cookie }
}

/** Every key anywhere in a JSON value (objects inside arrays and populated relations too). */
export function deepKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) deepKeys(item, into)
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key)
      deepKeys(inner, into)
    }
  }
  return into
}

export const ROLES = ['admin', 'editor', 'author', 'reviewer', 'anonymous'] as const
export type Role = (typeof ROLES)[number]
export type SignedInRole = Exclude<Role, 'anonymous'>

export type RestTeam = {
  /** One account per role, plus a second author whose posts the first one must not touch. */
  users: Record<SignedInRole | 'otherAuthor', User>
  /** `undefined` for anonymous: no Authorization header at all. */
  tokens: Record<Role, string | undefined>
  /** What `POST /api/users/login` answered to each role. */
  logins: Record<SignedInRole, Record<string, unknown>>
  cookies: Record<SignedInRole, string>
  /** The public profile (a doctor) the reviewer's account is linked to. */
  doctorId: string
}

/** Creates the accounts with the Local API, then logs each one in over REST (once per file). */
export async function startRestTeam(payload: Payload, rest: Rest): Promise<RestTeam> {
  const doctorId = (
    await payload.create({
      ...QUIET,
      collection: 'authors',
      data: { name: 'Anna Neri', slug: '', honorific: 'Dott.ssa' },
    })
  ).id
  const accounts: [SignedInRole | 'otherAuthor', User['role'], string?][] = [
    ['admin', 'admin'],
    ['editor', 'editor'],
    ['author', 'author'],
    ['otherAuthor', 'author'],
    ['reviewer', 'reviewer', doctorId],
  ]
  const users = {} as RestTeam['users']
  for (const [key, role, profile] of accounts) {
    users[key] = await createUser(payload, `${key}@test.it`, role, { name: key, profile })
  }
  const tokens: RestTeam['tokens'] = { anonymous: undefined } as RestTeam['tokens']
  const logins = {} as RestTeam['logins']
  const cookies = {} as RestTeam['cookies']
  for (const role of ROLES) {
    if (role === 'anonymous') continue
    const login = await restLogin(rest, users[role].email, TEST_PASSWORD)
    tokens[role] = login.token
    logins[role] = login.body
    cookies[role] = login.cookie
  }
  return { users, tokens, logins, cookies, doctorId }
}

export type RestPayload = TestPayload & { rest: Rest; team: RestTeam }

/** A test Payload (see ./payload.ts) with a REST client and every role logged in. */
export async function startRestPayload(): Promise<RestPayload> {
  const ctx = await startTestPayload()
  const rest = restClient(ctx.payload)
  return { ...ctx, rest, team: await startRestTeam(ctx.payload, rest) }
}

/** A test file's REST setup (see `startRestPayload`), read through getters once started. */
export class RestPayloadHandle extends TestPayloadHandle<RestPayload> {
  get rest(): Rest {
    return this.current().rest
  }

  get team(): RestTeam {
    return this.current().team
  }
}

/** `setupTestPayload` with a REST client and every role logged in, for the whole test file. */
export function setupRestPayload(): RestPayloadHandle {
  return new RestPayloadHandle(startForThisFile(startRestPayload))
}
