import { expect, test, type BrowserContext } from '@playwright/test'

import { ADMIN_CONTEXT, createStaffUser } from './helpers/admin'
import { e2eBaseUrl } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'

/*
 * What an outside probe of the running site found in the public API, replayed over HTTP against
 * the production build: document locks in someone else's name, unbounded lists, 500s on
 * malformed queries, sorting by password hashes and the permission map shown to anyone.
 */

const baseUrl = e2eBaseUrl()
const stamp = Date.now()
const LOCKS = `${baseUrl}/api/payload-locked-documents`
const people = {
  editor: { email: `redattore-api-${stamp}@clinica.test`, password: 'Vq7-lungo-segreto-41x' },
  author: { email: `autrice-api-${stamp}@clinica.test`, password: 'Zt3-altra-frase-segreta' },
}

let postId: string
const ids: Record<'admin' | 'editor' | 'author', string> = { admin: '', editor: '', author: '' }
const tokens: Record<'admin' | 'editor' | 'author', string> = { admin: '', editor: '', author: '' }

const json = (token?: string) => ({
  'Content-Type': 'application/json',
  ...(token ? { Authorization: `JWT ${token}` } : {}),
})

async function login(credentials: { email: string; password: string }) {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: json(),
    body: JSON.stringify(credentials),
  })
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`)
  return (await response.json()) as { token: string; user: { id: string } }
}

const errorMessage = async (response: Response) =>
  ((await response.json()) as { errors?: { message: string }[] }).errors
    ?.map((error) => error.message)
    .join(' | ') ?? ''

const graphql = (query: string, token?: string) =>
  fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: json(token),
    body: JSON.stringify({ query }),
  }).then((r) => r.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>)

// The admin's browser pages (the locked-document dialog, the login form).
test.use(ADMIN_CONTEXT)

test.beforeAll(async () => {
  const admin = await adminHeaders(baseUrl)
  tokens.admin = admin.Authorization!.replace('JWT ', '')
  ids.admin = (
    (await (await fetch(`${baseUrl}/api/users/me`, { headers: admin })).json()) as {
      user: { id: string }
    }
  ).user.id
  for (const role of ['editor', 'author'] as const) {
    await createStaffUser(baseUrl, { ...people[role], name: role, role })
    const session = await login(people[role])
    tokens[role] = session.token
    ids[role] = session.user.id
  }
  postId = (await createPublishedPost(baseUrl, `Blocchi e API ${stamp}`)).id
})

const lockRequest = (as: 'admin' | 'editor' | 'author', owner: 'admin' | 'editor' | 'author') =>
  fetch(LOCKS, {
    method: 'POST',
    headers: json(tokens[as]),
    body: JSON.stringify({
      document: { relationTo: 'posts', value: postId },
      user: { relationTo: 'users', value: ids[owner] },
    }),
  })

type Lock = { id: string; user: { value: string | { id: string } } }
const locksOn = async (id: string) =>
  (
    (await (
      await fetch(`${LOCKS}?where[document.value][equals]=${id}&depth=0`, {
        headers: json(tokens.admin),
      })
    ).json()) as { docs: Lock[] }
  ).docs
const locksOnPost = () => locksOn(postId)
const ownerOf = (lock: Lock) =>
  typeof lock.user.value === 'object' ? lock.user.value.id : lock.user.value

test.describe('document locks', () => {
  test('give anonymous clients nothing', async () => {
    expect((await fetch(LOCKS)).status).toBe(403)
    const created = await fetch(LOCKS, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ document: { relationTo: 'posts', value: postId } }),
    })
    expect(created.status).toBe(403)
  })

  test('cannot be forged in someone else’s name, so the editor’s save is not blocked', async () => {
    const forged = await lockRequest('author', 'admin')
    expect(forged.status).toBe(403)
    expect(await locksOnPost()).toEqual([])
    const save = await fetch(`${baseUrl}/api/posts/${postId}?draft=true`, {
      method: 'PATCH',
      headers: json(tokens.editor),
      body: JSON.stringify({ excerpt: 'Salvato dal redattore.' }),
    })
    expect(save.status).toBe(200)
  })

  test('are removed only by their owner or an admin', async () => {
    const created = await lockRequest('editor', 'editor')
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: Lock }
    const byAuthor = await fetch(`${LOCKS}/${doc.id}`, {
      method: 'DELETE',
      headers: json(tokens.author),
    })
    expect(byAuthor.status).toBe(403)
    expect((await locksOnPost()).map(ownerOf)).toEqual([ids.editor])
    const byAdmin = await fetch(`${LOCKS}/${doc.id}`, {
      method: 'DELETE',
      headers: json(tokens.admin),
    })
    expect(byAdmin.status).toBe(200)
    expect(await locksOnPost()).toEqual([])
  })

  test('are still taken by the admin while an editor edits, and shown to others', async ({
    browser,
    context,
    page,
  }) => {
    test.setTimeout(90_000)
    // A category: it has no autosave, whose every save clears the document's locks.
    const created = await fetch(`${baseUrl}/api/categories`, {
      method: 'POST',
      headers: json(tokens.admin),
      body: JSON.stringify({ title: `Categoria bloccata ${stamp}`, slug: '' }),
    })
    const categoryId = ((await created.json()) as { doc: { id: string } }).doc.id
    const url = `${baseUrl}/admin/collections/categories/${categoryId}`
    const signIn = (target: BrowserContext, token: string) =>
      target.addCookies([{ name: 'payload-token', value: token, url: baseUrl }])
    // The editor in the test's own context, the admin in a second one at the same time.
    await signIn(context, tokens.editor)
    const admin = await browser.newContext(ADMIN_CONTEXT)
    try {
      await signIn(admin, tokens.admin)
      await page.goto(url)
      // Payload takes the lock on the first change of the form.
      await page.locator('#field-title').fill(`Categoria in modifica ${stamp}`)
      await expect
        .poll(async () => (await locksOn(categoryId)).map(ownerOf), { timeout: 15_000 })
        .toEqual([ids.editor])

      const watching = await admin.newPage()
      await watching.goto(url)
      // Payload's "Documento bloccato" dialog, naming who is editing.
      await expect(watching.getByText('Documento bloccato').first()).toBeVisible({
        timeout: 20_000,
      })
      await expect(watching.getByText(people.editor.email).first()).toBeVisible()
    } finally {
      await admin.close()
    }
  })
})

test.describe('request cost', () => {
  test('refuses an unbounded, deeply populated REST list', async () => {
    const response = await fetch(`${baseUrl}/api/posts?limit=0&pagination=false&depth=10`)
    expect(response.status).toBe(400)
    expect(await errorMessage(response)).toMatch(/"limit" non valido/)
    expect((await fetch(`${baseUrl}/api/posts?limit=100&depth=2`)).status).toBe(200)
  })

  test('refuses fifty aliased 100-post GraphQL lists', async () => {
    const aliases = Array.from(
      { length: 50 },
      (_, i) => `a${i}: Posts(limit: 100) { docs { title content } }`,
    )
    const result = await graphql(`{ ${aliases.join(' ')} }`)
    expect(result.data).toBeUndefined()
    expect(result.errors?.map((e) => e.message).join(' ')).toMatch(
      /La query è troppo costosa: costo 15050, massimo 1000/,
    )
  })
})

test.describe('malformed queries', () => {
  test('answer 400 with a message, not 500', async () => {
    for (const [path, expected] of [
      ['/api/posts?where[title][near]=x', /"near" non si applica/],
      ['/api/posts?page=1e20', /"page" non valido/],
      ['/api/posts?where[publishedAt][greater_than]=notadate', /serve una data valida/],
      ['/api/posts/abc', /Identificativo non valido/],
    ] as const) {
      const response = await fetch(`${baseUrl}${path}`)
      expect([path, response.status]).toEqual([path, 400])
      expect(await errorMessage(response)).toMatch(expected)
    }
  })
})

test.describe('hidden fields and the permission map', () => {
  test('refuse sorting by another collection’s password hashes', async () => {
    const response = await fetch(`${baseUrl}/api/posts?sort=createdBy.hash`)
    expect(response.status).toBe(400)
    expect(await errorMessage(response)).toBe(
      'Non si può ordinare per "createdBy.hash": campo sconosciuto o non leggibile.',
    )
    const gql = await graphql('{ Posts(sort: "createdBy.hash") { docs { title } } }')
    expect(gql.errors?.map((e) => e.message).join(' ')).toMatch(/Non si può ordinare/)
  })

  test('keep the permission map from anonymous clients; the admin login still works', async ({
    page,
  }) => {
    const anonymous = await fetch(`${baseUrl}/api/access`)
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).not.toContain('collections')
    const signedIn = await fetch(`${baseUrl}/api/access`, { headers: json(tokens.editor) })
    expect(signedIn.status).toBe(200)
    expect(((await signedIn.json()) as { canAccessAdmin: boolean }).canAccessAdmin).toBe(true)
    expect((await graphql('{ Access { canAccessAdmin } }')).errors?.[0]?.message).toBe(
      '"Access" è riservato agli utenti autenticati.',
    )
    // The login page renders without it (the admin reads permissions on the server).
    await page.goto(`${baseUrl}/admin/login`)
    await expect(page.locator('#field-email')).toBeVisible({ timeout: 30_000 })
  })
})
