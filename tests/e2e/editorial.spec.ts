import { expect, test, type Page } from '@playwright/test'

import { ADMIN_CONTEXT, createStaffUser, logIn, type Credentials } from './helpers/admin'
import { e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'

import { isDocumentId } from '@/lib/ids'
import { articleBlocksToLexical } from '@/lib/text-import'

/*
 * The editors' workflow in the real admin, in Chromium: an author writes a draft and cannot
 * publish it, a reviewer (a doctor) signs the medical review, an editor publishes it in a
 * medical category and it appears on the site.
 */

const baseUrl = e2eBaseUrl()
const stamp = Date.now()
const team: Record<'author' | 'reviewer' | 'editor', Credentials> = {
  author: { email: `autrice-${stamp}@clinica.test`, password: 'Fiordaliso-sul-molo-31' },
  reviewer: { email: `revisore-${stamp}@clinica.test`, password: 'Gabbiano-di-ottobre-47' },
  editor: { email: `redattore-${stamp}@clinica.test`, password: 'Lanterna-blu-del-porto-8' },
}
const TITLE = `Metatarsalgia: quando fa male sotto le dita (${stamp})`
const BODY =
  'Il nostro intervento è il migliore ed è garantito al 100%. ' +
  'Il dolore sotto le dita del piede si chiama metatarsalgia. ' +
  'Spesso nasce da scarpe strette o da un carico sbagliato.'

let doctorId: string
let medicalCategory: string
let postId: string

const api = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${baseUrl}/api${path}`, { headers: await adminHeaders(baseUrl) })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return (await response.json()) as T
}
const storedDraft = () =>
  api<{ _status: string; reviewedBy: string | null; lastReviewedAt: string | null; slug: string }>(
    `/posts/${postId}?draft=true&depth=0`,
  )

/** Waits for the admin's next save of this post (autosave or button) and returns its status. */
const nextSave = (page: Page, { autosave }: { autosave: boolean }) =>
  page
    .waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' &&
        response.url().includes(`/api/posts/${postId}`) &&
        response.url().includes('autosave=true') === autosave,
      { timeout: 20_000 },
    )
    .then((response) => response.status())

test.use(ADMIN_CONTEXT)
// One post goes through the whole workflow: each test starts where the previous one ended.
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  const headers = await adminHeaders(baseUrl)
  const doctor = await fetch(`${baseUrl}/api/authors`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `Giulia Conti ${stamp}`, slug: '', honorific: 'Dott.ssa' }),
  })
  doctorId = ((await doctor.json()) as { doc: { id: string } }).doc.id
  await createStaffUser(baseUrl, { ...team.author, name: 'Autrice', role: 'author' })
  await createStaffUser(baseUrl, {
    ...team.reviewer,
    name: 'Revisore',
    role: 'reviewer',
    profile: doctorId,
  })
  await createStaffUser(baseUrl, { ...team.editor, name: 'Redattore', role: 'editor' })
  const categories = await api<{ docs: { title: string }[] }>(
    '/categories?where[medical][equals]=true&depth=0',
  )
  medicalCategory = categories.docs[0]!.title
})

test.describe('author → reviewer → editor, in the admin', () => {
  test('the author writes a draft, sees the checks, and cannot publish it', async ({ page }) => {
    test.setTimeout(120_000)
    await logIn(page, baseUrl, team.author)
    await page.goto(`${baseUrl}/admin/collections/posts/create`)
    await page.locator('#field-title').fill(TITLE)
    // The first autosave creates the draft and moves the editor to its own URL, ending in the
    // post's id (a UUID on SQLite, an ObjectId on MongoDB; `create` is no id).
    const idInPath = (url: URL) => {
      const id = /^\/admin\/collections\/posts\/([^/]+)$/.exec(url.pathname)?.[1]
      return isDocumentId(id) ? id : undefined
    }
    await page.waitForURL((url) => idInPath(url) !== undefined, { timeout: 20_000 })
    postId = idInPath(new URL(page.url()))!

    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.type(BODY)

    // The editorial checks follow the text as it is typed.
    const panel = page.locator('section', { hasText: 'Controlli editoriali' })
    await panel.getByText('Affermazioni da verificare').scrollIntoViewIfNeeded()
    await expect(panel.getByText('«il migliore»')).toBeVisible({ timeout: 10_000 })
    await expect(panel.getByText('«garantito»')).toBeVisible()
    await expect(panel.getByText('«100%»')).toBeVisible()
    await expect(
      panel
        .locator('h3', { hasText: 'Leggibilità (indice Gulpease)' })
        .locator('xpath=following-sibling::p[1]'),
    ).toHaveText(/^\d+ su 100: .+/)
    await expect(panel.getByText('Revisione medica scaduta').first()).toBeVisible()

    // Autosave keeps the draft; there is no publish (or schedule) button for an author …
    await expect(nextSave(page, { autosave: true })).resolves.toBe(200)
    await expect(page.getByText('Stato:').first()).toBeVisible()
    await expect(page.getByRole('button', { name: /Pubblica/ })).toHaveCount(0)
    // … and the server refuses a publish sent with the author's own session.
    const attempt = await page.evaluate(async (id) => {
      const response = await fetch(`/api/posts/${id}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ _status: 'published' }),
      })
      return { status: response.status, body: await response.text() }
    }, postId)
    expect(attempt.status).toBe(403)
    expect(attempt.body).toContain('Non sei autorizzato')

    expect((await storedDraft())._status).toBe('draft')
    expect((await fetch(`${baseUrl}/api/posts/${postId}`)).status).toBe(404)
  })

  test('the reviewer signs the medical review with their profile and today’s date', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await logIn(page, baseUrl, team.reviewer)
    await page.goto(`${baseUrl}/admin/collections/posts/${postId}`)
    // Everything but the review is read-only for a reviewer.
    await expect(page.locator('#field-title')).toBeDisabled()
    await expect(page.getByText('Revisione medica scaduta').first()).toBeVisible()
    const saved = nextSave(page, { autosave: false })
    await page.getByRole('button', { name: 'Firma la revisione medica' }).click()
    expect(await saved).toBe(200)
    await expect(
      page.getByText('Revisione firmata con il tuo profilo e la data di oggi.'),
    ).toBeVisible()
    await expect(page.getByText('Revisione medica valida fino al').first()).toBeVisible()

    const stored = await storedDraft()
    expect(stored.reviewedBy).toBe(doctorId)
    expect(stored.lastReviewedAt?.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
    expect(stored._status).toBe('draft')
  })

  test('the editor publishes it in a medical category and patients can read it', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await logIn(page, baseUrl, team.editor)
    await page.goto(`${baseUrl}/admin/collections/posts/${postId}`)
    await expect(page.getByText('Revisione medica valida fino al').first()).toBeVisible()

    await page.locator('#field-categories .rs__control').click()
    // Payload recomputes the form state (a server action) on change: publishing before it answers
    // lets that answer clear the errors of the refused publish.
    const formState = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        response.request().headers()['next-action'] !== undefined,
    )
    await page.locator('.rs__option', { hasText: medicalCategory }).click()
    await formState

    // Without the author the medical rule refuses, and says which field is missing.
    let response = nextSave(page, { autosave: false })
    await page.getByRole('button', { name: /^Pubblica/ }).click()
    expect(await response).toBe(400)
    // The toast names the field (once it shows, the form holds the server's errors: opening the
    // tab earlier can miss them); the field itself says what to do.
    await expect(page.getByText('Il seguente campo non è valido: Autore')).toBeVisible()
    await page.locator('.tabs-field__tab-button', { hasText: 'Informazioni mediche' }).click()
    await expect(page.getByText('Per pubblicare un articolo medico indica l’autore.')).toBeVisible()
    await page.locator('#field-author .rs__control').click()
    await page.locator('.rs__option', { hasText: `Giulia Conti ${stamp}` }).click()
    response = nextSave(page, { autosave: false })
    await page.getByRole('button', { name: /^Pubblica/ }).click()
    expect(await response).toBe(200)

    const { slug } = await storedDraft()
    const article = await fetch(`${baseUrl}/blog/${slug}`)
    expect(article.status).toBe(200)
    const html = await article.text()
    expect(html).toContain(TITLE)
    expect(html).toContain('Giulia Conti')
    expect(await (await fetch(`${baseUrl}/blog`)).text()).toContain(`/blog/${slug}`)
  })
})

test.describe('medical review status in the posts list', () => {
  test('marks expired reviews in the "Revisione" column and filters them with "Revisione scaduta"', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    // A post reviewed two years ago, next to the one the reviewer has just signed.
    const stale = `Fascite plantare: revisione vecchia (${stamp})`
    const created = await fetch(`${baseUrl}/api/posts?draft=true`, {
      method: 'POST',
      headers: await adminHeaders(baseUrl),
      body: JSON.stringify({
        title: stale,
        _status: 'draft',
        lastReviewedAt: new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000).toISOString(),
        content: articleBlocksToLexical([{ type: 'paragraph', text: 'Testo.' }]),
      }),
    })
    expect(created.status).toBe(201)

    await logIn(page, baseUrl, team.editor)
    await page.goto(`${baseUrl}/admin/collections/posts?limit=100`)
    const row = (title: string) => page.locator('tr', { hasText: title })
    await expect(row(stale).getByText('Scaduta')).toBeVisible()
    await expect(row(TITLE).getByText('Valida fino al')).toBeVisible()

    await page.getByRole('button', { name: 'Revisione scaduta' }).click()
    await expect(page.getByText('Filtro attivo')).toBeVisible()
    await expect(row(stale)).toBeVisible()
    await expect(row(TITLE)).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Revisione scaduta' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    await page.getByRole('button', { name: 'Mostra tutti' }).click()
    await expect(row(TITLE)).toBeVisible()
  })
})

test.describe('live preview in the admin', () => {
  test('shows the draft beside the editor and follows each autosave', async ({ page }) => {
    test.setTimeout(120_000)
    await logIn(page, baseUrl, team.editor)
    await page.goto(`${baseUrl}/admin/collections/posts/${postId}`)
    await page.getByRole('button', { name: 'Anteprima dal vivo' }).click()
    // Payload's IframeLoader puts the class on a wrapper; the frame is the only one on the page.
    const preview = page.locator('iframe').contentFrame()
    await expect(preview.locator('h1', { hasText: TITLE })).toBeVisible({ timeout: 20_000 })
    await expect(preview.getByText('Anteprima dell’ultima bozza')).toBeVisible()

    // A mark in the frame's window: a reload would lose it, a server re-render keeps it.
    const frame = page.frames().find((candidate) => candidate.url().includes('/anteprima/'))!
    await frame.evaluate(() => Object.assign(window, { __sameDocument: true }))

    const draftTitle = `Metatarsalgia: titolo in bozza (${stamp})`
    const saved = nextSave(page, { autosave: true })
    await page.locator('#field-title').fill(draftTitle)
    expect(await saved).toBe(200)
    // No reload: the preview re-renders on Payload's document event.
    await expect(preview.locator('h1', { hasText: draftTitle })).toBeVisible({ timeout: 15_000 })
    expect(await frame.evaluate(() => '__sameDocument' in window)).toBe(true)

    // The public page still shows the published title.
    const { slug } = await storedDraft()
    const live = await (await fetch(`${baseUrl}/blog/${slug}`)).text()
    expect(live).toContain(TITLE)
    expect(live).not.toContain(draftTitle)
  })
})
