import { expect, test, type Locator, type Page } from '@playwright/test'

import {
  ADMIN_CONTEXT,
  createStaffUser,
  dateInput,
  logIn,
  romeDateTime,
  type Credentials,
} from './helpers/admin'
import { E2E_ADMIN, e2eBaseUrl } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'

import { isDocumentId } from '@/lib/ids'
import { articleBlocksToLexical } from '@/lib/text-import'

/*
 * The admin as an Italian editor sees it: no raw translation keys on any create form, dates as
 * 30/11/2026 08:45, "Nuovo articolo" for a post without a title, and the daily phone tasks
 * (the requests list, signing a medical review) usable at 390 px.
 */
const baseUrl = e2eBaseUrl()
const stamp = Date.now()
const reviewer: Credentials = {
  email: `revisore-mobile-${stamp}@clinica.test`,
  password: 'Scogliera-di-maggio-62',
}
const PHONE = { width: 390, height: 844 }
/** A translation key shown as text: `plugin-redirects:toUrlType`, `general:untitled` … */
const RAW_KEY =
  /\b(?:plugin-[a-z-]+|general|fields|validation|authentication|version|error|upload):[A-Za-z]+/

let doctorId: string

test.use(ADMIN_CONTEXT)

const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${baseUrl}/api${path}`, {
    ...init,
    headers: await adminHeaders(baseUrl),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** What the editor can read on the page, labels and placeholders included. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[placeholder], [aria-label], [title]')].map(
      (element) =>
        ['placeholder', 'aria-label', 'title'].map((name) => element.getAttribute(name) ?? ''),
    )
    return [document.body.innerText, ...attributes.flat()].join('\n')
  })

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Waits until `locator` starts inside the phone's width and its first `width` px fit in it. */
const expectWithinPhone = (locator: Locator, width?: number) =>
  expect
    .poll(async () => {
      const box = await locator.boundingBox()
      return (
        box !== null && box.x >= 0 && box.x + Math.min(box.width, width ?? box.width) <= PHONE.width
      )
    })
    .toBe(true)

test.beforeAll(async () => {
  const doctor = await api<{ doc: { id: string } }>('/authors', {
    method: 'POST',
    body: JSON.stringify({ name: `Marco Riva ${stamp}`, slug: '', honorific: 'Dott.' }),
  })
  doctorId = doctor.doc.id
  await createStaffUser(baseUrl, {
    ...reviewer,
    name: 'Revisore',
    role: 'reviewer',
    profile: doctorId,
  })
})

test.describe('the admin in Italian', () => {
  test('shows no raw translation key on any collection’s "Crea nuovo" form', async ({ page }) => {
    test.setTimeout(180_000)
    const access = await api<{ collections: Record<string, { create?: boolean }> }>('/access')
    const creatable = Object.entries(access.collections)
      .filter(([slug, permissions]) => permissions.create && !slug.startsWith('payload-'))
      .map(([slug]) => slug)
    expect(creatable).toEqual(expect.arrayContaining(['posts', 'redirects', 'users']))

    await logIn(page, baseUrl, E2E_ADMIN)
    const found: { slug: string; key: string }[] = []
    for (const slug of creatable) {
      await page.goto(`${baseUrl}/admin/collections/${slug}/create`)
      await expect(page.locator('form').first()).toBeVisible()
      // Labels load with the form's fields: scan once nothing is loading any more.
      await page.waitForLoadState('networkidle')
      const key = RAW_KEY.exec(await visibleText(page))?.[0]
      if (key) found.push({ slug, key })
    }
    expect(found).toEqual([])

    await page.goto(`${baseUrl}/admin/collections/redirects/create`)
    await expect(page.getByText('Tipo di destinazione').first()).toBeVisible()
    await expect(page.getByText('Pagina o articolo del sito').first()).toBeVisible()
  })

  test('shows dates as dd/MM/yyyy HH:mm, in the form and the list', async ({ page }) => {
    test.setTimeout(120_000)
    const { id } = await createPublishedPost(baseUrl, `Date italiane ${stamp}`)
    const stored = await api<{ publishedAt: string }>(`/posts/${id}?depth=0`)
    await logIn(page, baseUrl, E2E_ADMIN)
    await page.goto(`${baseUrl}/admin/collections/posts/${id}`)
    const publishedAt = dateInput(page, 'publishedAt')
    await expect(publishedAt).toBeVisible()
    // The clinic's time, whatever the browser's zone (tests/e2e/admin-timezone.spec.ts).
    const expected = romeDateTime(stored.publishedAt)
    await expect(publishedAt).toHaveValue(expected)

    await page.goto(`${baseUrl}/admin/collections/posts?limit=10`)
    const row = page.locator('tr', { hasText: `Date italiane ${stamp}` })
    // The cell reads "Caricamento..." until the date library's Italian locale has loaded.
    await expect(row.getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).first()).toBeVisible()
    await expect(row).not.toHaveText(/\b(AM|PM)\b/, { useInnerText: true })
  })

  test('calls a post without a title "Nuovo articolo", in the breadcrumb and the list', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    await logIn(page, baseUrl, E2E_ADMIN)
    await page.goto(`${baseUrl}/admin/collections/posts/create`)
    const idInPath = (url: URL) => {
      const id = /^\/admin\/collections\/posts\/([^/]+)$/.exec(url.pathname)?.[1]
      return isDocumentId(id) ? id : undefined
    }
    await page.waitForURL((url) => idInPath(url) !== undefined, { timeout: 20_000 })
    const id = idInPath(new URL(page.url()))!
    const breadcrumb = page.locator('.step-nav')
    await expect(breadcrumb.getByText('Nuovo articolo')).toBeVisible({ timeout: 10_000 })
    await expect(breadcrumb).not.toContainText(id)

    await page.goto(`${baseUrl}/admin/collections/posts?limit=50`)
    const link = page.locator(`tbody a[href$="/admin/collections/posts/${id}"]`).first()
    await expect(link).toHaveText('Nuovo articolo')
    // Nothing is stored: the title stays empty until the editor writes one.
    expect(
      (await api<{ title?: string | null }>(`/posts/${id}?draft=true&depth=0`)).title ?? '',
    ).toBe('')
  })
})

test.describe('the admin on a phone (390 px)', () => {
  test('shows the appointment requests list readably', async ({ browser, page }) => {
    test.setTimeout(120_000)
    const patient = `Paziente Telefono ${stamp}`
    // The patient books from a browser of their own (default locale and screen).
    const patientContext = await browser.newContext()
    const form = await patientContext.newPage()
    await form.goto(`${baseUrl}/prenota`)
    await form.getByLabel('Nome e cognome').fill(patient)
    await form.getByLabel('Telefono').fill('+39 02 7654 3210')
    await form.getByLabel(/Motivo della visita/).fill('Dolore al tallone da due settimane.')
    await form.locator('input[name="consent"]').check()
    await form.getByRole('button', { name: /invia/i }).click()
    await expect(form.getByRole('status').getByText('Grazie!', { exact: false })).toBeVisible()
    await patientContext.close()

    await logIn(page, baseUrl, E2E_ADMIN)
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/admin/collections/appointment-requests`)
    const name = page.locator('tbody a', { hasText: patient }).first()
    await expect(name).toBeVisible()
    await expectWithinPhone(name, 120)
    await expect.poll(() => pageOverflow(page)).toBeLessThanOrEqual(0)
    await name.click()
    await expect(page.getByText('Dolore al tallone da due settimane.').first()).toBeVisible()
    await expect.poll(() => pageOverflow(page)).toBeLessThanOrEqual(0)
  })

  test('lets a doctor sign a medical review', async ({ page }) => {
    test.setTimeout(120_000)
    const draft = await api<{ doc: { id: string } }>('/posts?draft=true', {
      method: 'POST',
      body: JSON.stringify({
        title: `Fascite plantare al telefono ${stamp}`,
        _status: 'draft',
        content: articleBlocksToLexical([{ type: 'paragraph', text: 'Testo da rivedere.' }]),
      }),
    })
    const postId = draft.doc.id

    await logIn(page, baseUrl, reviewer)
    await page.setViewportSize(PHONE)
    await page.goto(`${baseUrl}/admin/collections/posts/${postId}`)
    const sign = page.getByRole('button', { name: 'Firma la revisione medica' })
    await sign.scrollIntoViewIfNeeded()
    await expectWithinPhone(sign)
    await sign.click()
    await expect(
      page.getByText('Revisione firmata con il tuo profilo e la data di oggi.'),
    ).toBeVisible()
    await expect.poll(() => pageOverflow(page)).toBeLessThanOrEqual(0)

    const stored = await api<{ reviewedBy: string | null }>(`/posts/${postId}?draft=true&depth=0`)
    expect(stored.reviewedBy).toBe(doctorId)
  })
})
