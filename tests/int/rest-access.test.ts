import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { ROLES, setupRestPayload, type Role } from './helpers/rest'

/*
 * The roles × collections × operations access matrix over REST: the same route handlers as
 * app/(payload)/api/[...slug]/route.ts, real Request objects, a JWT per role from
 * POST /api/users/login. tests/int/roles.test.ts checks the same rules on the Local API.
 *
 * What each outcome means (Payload's own answers, asserted as they are):
 * - 200 / 201  allowed, and the effect is in the database (created, changed, deleted, published;
 *              for a list: the document is among the results).
 * - 403        the access function returned false. Reads too: denied collections are refused,
 *              not answered with an empty list. Updates and deletes of a document outside an
 *              access constraint (another author's post, another user's account) are 403 as well.
 * - 'hidden'   read access is a query constraint (anonymous: published only; non-admins: their
 *              own account): the list is 200 without the document …
 * - 404        … and reading it by id is 404, so its existence is not revealed.
 * - 'ignored'  200, but field-level access silently dropped the change: nothing stored changed.
 *              Authors and reviewers may update posts but not publish them: a hook refuses with 403
 *              and the reason (they may only save drafts).
 */

type Outcome = 200 | 201 | 403 | 404 | 'hidden' | 'ignored'
type Row = Record<Role, Outcome>
type Operation = 'list' | 'read' | 'create' | 'update' | 'delete' | 'publish'
type Target =
  | 'posts'
  | 'pages'
  | 'categories'
  | 'authors'
  | 'media'
  | 'appointment-requests'
  | 'users'
  | 'redirects'
type CollectionRows = Record<Exclude<Operation, 'publish'>, Row> & { publish?: Row }

const row = (
  admin: Outcome,
  editor: Outcome,
  author: Outcome,
  reviewer: Outcome,
  anonymous: Outcome,
): Row => ({ admin, editor, author, reviewer, anonymous })

const editorsOnly = row(200, 200, 403, 403, 403)
const publicReadEditorsWrite: CollectionRows = {
  list: row(200, 200, 200, 200, 200),
  read: row(200, 200, 200, 200, 200),
  create: row(201, 201, 403, 403, 403),
  update: editorsOnly,
  delete: editorsOnly,
}

/* Every case acts on a fresh document (see `seed`): posts and pages are drafts, posts written by
 * the author (so the author's update and publish are on their own draft); the users document is
 * another person's account. */
// prettier-ignore
const EXPECTED: Record<Target, CollectionRows> & { clinic: { read: Row; update: Row } } = {
  //             admin  editor    author    reviewer   anonymous
  posts: {
    list:    row(200,   200,      200,      200,       'hidden'),
    read:    row(200,   200,      200,      200,       404),
    create:  row(201,   201,      201,      403,       403),
    update:  row(200,   200,      200,      'ignored', 403),
    delete:  row(200,   200,      403,      403,       403),
    publish: row(200,   200,      403,      403,       403),
  },
  pages: {
    list:    row(200,   200,      200,      200,       'hidden'),
    read:    row(200,   200,      200,      200,       404),
    create:  row(201,   201,      403,      403,       403),
    update:  editorsOnly,
    delete:  editorsOnly,
    publish: editorsOnly,
  },
  categories: publicReadEditorsWrite,
  authors: publicReadEditorsWrite,
  redirects: publicReadEditorsWrite,
  media: {
    ...publicReadEditorsWrite,
    create:  row(201,   201,      201,      201,       403),
  },
  'appointment-requests': {
    list:    editorsOnly,
    read:    editorsOnly,
    create:  row(403,   403,      403,      403,       403),
    update:  editorsOnly,
    delete:  editorsOnly,
  },
  users: {
    list:    row(200,   'hidden', 'hidden', 'hidden',  403),
    read:    row(200,   404,      404,      404,       403),
    create:  row(201,   403,      403,      403,       403),
    update:  row(200,   403,      403,      403,       403),
    delete:  row(200,   403,      403,      403,       403),
  },
  clinic: {
    read:    row(200,   200,      200,      200,       200),
    update:  row(200,   403,      403,      403,       403),
  },
}

const ctx = setupRestPayload()
let png: Buffer
const content = paragraphBody('Testo.')
let counter = 0
const unique = (label: string) => `${label}-${++counter}`

beforeAll(async () => {
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .png()
    .toBuffer()
}, 60_000)

type Body = Record<string, unknown>

/** What an update changes on each collection, and which collections keep drafts. */
const SPECS: Record<Target, { field: string; value?: () => string; drafts?: boolean }> = {
  posts: { field: 'title', drafts: true },
  pages: { field: 'title', drafts: true },
  categories: { field: 'title' },
  authors: { field: 'name' },
  media: { field: 'alt' },
  'appointment-requests': { field: 'status', value: () => 'contattato' },
  users: { field: 'name' },
  redirects: { field: 'from', value: () => `/${unique('rinominato')}` },
}

const bodies: Record<Target, () => Body> = {
  posts: () => ({ title: unique('Articolo'), slug: '', content, _status: 'draft' }),
  pages: () => ({ title: unique('Pagina'), slug: '', content, _status: 'draft' }),
  categories: () => ({ title: unique('Categoria'), slug: '' }),
  authors: () => ({ name: unique('Autore'), slug: '' }),
  media: () => ({ alt: unique('Immagine') }),
  'appointment-requests': () => ({
    name: 'Paziente di prova',
    phone: '+39 02 1234 5678',
    reason: 'Dolore al tallone',
    consent: true,
    preferredPeriod: 'mattina',
    submissionId: unique('invio'),
  }),
  users: () => ({
    email: `${unique('utente')}@test.it`,
    password: 'another-long-password',
    name: 'Utente di prova',
    role: 'author',
  }),
  redirects: () => ({
    from: `/${unique('vecchio')}`,
    to: { type: 'custom', url: `/${unique('nuovo')}` },
    type: '301',
  }),
}

/** What a REST create sends: JSON, or multipart form data with a real PNG for media. */
const createBody = (target: Target): Body | FormData => {
  if (target !== 'media') return bodies[target]()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'prova.png')
  form.append('_payload', JSON.stringify(bodies.media()))
  return form
}

/**
 * A fresh document for one case, created as staff would (Local API, access bypassed). Posts are
 * written by the author, so the author's update and publish act on their own draft.
 */
const seed = async (target: Target): Promise<string> =>
  (
    await ctx.payload.create({
      ...QUIET,
      collection: target,
      data: bodies[target]() as never,
      draft: SPECS[target].drafts,
      user: target === 'posts' ? ctx.team.users.author : undefined,
      file:
        target === 'media'
          ? { data: png, mimetype: 'image/png', name: 'prova.png', size: png.length }
          : undefined,
    })
  ).id

/** The document as stored: its latest draft for versioned collections, unless `draft` is false. */
const stored = (target: Target, id: string, draft = SPECS[target].drafts) =>
  ctx.payload.findByID({
    collection: target,
    id,
    depth: 0,
    draft,
    disableErrors: true,
  }) as Promise<Body | null>

/** Sends the request for one cell of the matrix and reports what actually happened. */
async function observe(target: Target, operation: Operation, role: Role): Promise<string | number> {
  const spec = SPECS[target]
  const token = ctx.team.tokens[role]
  const id = operation === 'create' ? '' : await seed(target)
  switch (operation) {
    case 'list': {
      const { status, body } = await ctx.rest('GET', `/${target}?depth=0&where[id][equals]=${id}`, {
        token,
      })
      if (status !== 200) return status
      return (body.docs as { id: string }[]).some((doc) => doc.id === id) ? 200 : 'hidden'
    }
    case 'read':
      return (await ctx.rest('GET', `/${target}/${id}?depth=0`, { token })).status
    case 'create': {
      const before = (await ctx.payload.count({ collection: target })).totalDocs
      const body = createBody(target)
      const { status } = await ctx.rest(
        'POST',
        `/${target}`,
        body instanceof FormData ? { token, form: body } : { token, json: body },
      )
      const after = (await ctx.payload.count({ collection: target })).totalDocs
      if (status === 201) return after === before + 1 ? 201 : '201 without a new document'
      return after === before ? status : `${status} with a new document`
    }
    case 'update': {
      const { field } = spec
      const value = spec.value?.() ?? unique('Nuovo valore')
      const query = spec.drafts ? '?draft=true' : ''
      const { status } = await ctx.rest('PATCH', `/${target}/${id}${query}`, {
        token,
        json: { [field]: value },
      })
      const changed = (await stored(target, id))?.[field] === value
      if (status === 200) return changed ? 200 : 'ignored'
      return changed ? `${status} but changed` : status
    }
    case 'delete': {
      const { status } = await ctx.rest('DELETE', `/${target}/${id}`, { token })
      const gone = (await stored(target, id)) === null
      if (status === 200) return gone ? 200 : '200 but still there'
      return gone ? `${status} but deleted` : status
    }
    case 'publish': {
      const { status } = await ctx.rest('PATCH', `/${target}/${id}`, {
        token,
        json: { _status: 'published' },
      })
      const published = (await stored(target, id, false))?._status === 'published'
      if (status === 200) return published ? 200 : 'ignored'
      return published ? `${status} but published` : status
    }
  }
}

async function observeClinic(operation: 'read' | 'update', role: Role): Promise<string | number> {
  const token = ctx.team.tokens[role]
  if (operation === 'read') return (await ctx.rest('GET', '/globals/clinic', { token })).status
  const name = unique('Clinica')
  const { status } = await ctx.rest('POST', '/globals/clinic', { token, json: { name } })
  const changed = (await ctx.payload.findGlobal({ slug: 'clinic' })).name === name
  if (status === 200) return changed ? 200 : 'ignored'
  return changed ? `${status} but changed` : status
}

type Case = { target: Target | 'clinic'; operation: Operation; role: Role; expected: Outcome }
const cases: Case[] = Object.entries(EXPECTED).flatMap(([target, rows]) =>
  Object.entries(rows as Partial<Record<Operation, Row>>).flatMap(([operation, expected]) =>
    ROLES.map((role) => ({
      target: target as Case['target'],
      operation: operation as Operation,
      role,
      expected: expected[role],
    })),
  ),
)

describe('access matrix over REST', () => {
  it.each(cases)('$operation $target as $role → $expected', async (cell) => {
    const actual =
      cell.target === 'clinic'
        ? await observeClinic(cell.operation as 'read' | 'update', cell.role)
        : await observe(cell.target, cell.operation, cell.role)
    expect(actual).toBe(cell.expected)
  })
})
