import { randomUUID } from 'node:crypto'

import { expect, test } from '@playwright/test'

import { e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'

const baseUrl = e2eBaseUrl()

/** Requests stored so far, read as the admin (the only way to see them). */
async function storedRequests(): Promise<{ name: string; phone?: string; reason: string }[]> {
  const response = await fetch(`${baseUrl}/api/appointment-requests?limit=100&depth=0`, {
    headers: await adminHeaders(baseUrl),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: { name: string; reason: string }[] }).docs
}

const validRequest = (overrides: Record<string, unknown> = {}) => ({
  name: 'Paziente di prova',
  phone: '+39 333 123 4567',
  email: '',
  preferredPeriod: 'mattina',
  reason: 'Dolore all’alluce da alcuni mesi.',
  consent: true,
  website: '',
  submissionId: randomUUID(),
  ...overrides,
})

test.describe('booking form in Chromium', () => {
  test('rejects bad input with visible Italian messages and stores nothing', async ({ page }) => {
    const before = (await storedRequests()).length
    await page.goto(`${baseUrl}/prenota`)
    await page.getByLabel('Nome e cognome').fill('Mario Bianchi')
    await page.getByRole('button', { name: /invia/i }).click()
    const alert = page.locator('form [role="alert"]')
    await expect(alert).toContainText(
      'Inserisci un numero di telefono o un indirizzo e-mail per essere ricontattato.',
    )
    await expect(alert).toContainText('Descrivi brevemente il motivo della visita.')
    await expect(alert).toContainText(
      'Per inviare la richiesta devi acconsentire al trattamento dei dati.',
    )
    await expect(page.locator('textarea[name="reason"]')).toHaveAttribute('aria-invalid', 'true')
    // What the patient typed is kept.
    await expect(page.getByLabel('Nome e cognome')).toHaveValue('Mario Bianchi')

    const rejected = await fetch(`${baseUrl}/prenota/invio`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.20' },
      body: JSON.stringify(validRequest({ phone: '', email: 'non-una-email', consent: false })),
    })
    expect(rejected.status).toBe(400)
    expect(await rejected.json()).toMatchObject({
      ok: false,
      fieldErrors: {
        email: 'L’indirizzo e-mail non è valido.',
        consent: 'Per inviare la richiesta devi acconsentire al trattamento dei dati.',
      },
    })
    expect((await storedRequests()).length).toBe(before)
  })

  test('accepts good input and stores exactly one request, even when clicked twice', async ({
    page,
  }) => {
    const before = (await storedRequests()).length
    await page.goto(`${baseUrl}/prenota`)
    await page.getByLabel('Nome e cognome').fill('Giulia Verdi')
    await page.getByLabel('Telefono').fill('+39 02 1234 5678')
    await page.getByLabel(/Motivo della visita/).fill('Vorrei una visita per l’alluce valgo.')
    await page.locator('input[name="consent"]').check()
    // Two submissions in the same tick, faster than any re-render could disable the button.
    await page.locator('main form').evaluate((form: HTMLFormElement) => {
      form.requestSubmit()
      form.requestSubmit()
    })
    const thanks = page.getByRole('status').getByText('Grazie! La tua richiesta è stata inviata', {
      exact: false,
    })
    await expect(thanks).toHaveCount(1)

    const after = await storedRequests()
    expect(after.length).toBe(before + 1)
    expect(after.filter((request) => request.name === 'Giulia Verdi')).toHaveLength(1)
  })
})

test.describe('booking endpoint', () => {
  test('answers 429 with an Italian message after the per-IP limit', async () => {
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${baseUrl}/prenota/invio`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77' },
        body: JSON.stringify(validRequest({ name: `Richiesta ${i}` })),
      })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await last!.json()).toEqual({
      ok: false,
      message: 'Hai inviato troppe richieste. Riprova tra qualche minuto.',
    })
  })

  test('keeps requests away from anonymous REST and GraphQL', async () => {
    expect((await fetch(`${baseUrl}/api/appointment-requests`)).status).toBe(403)
    const graphql = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ AppointmentRequests { docs { name reason } } }' }),
    })
    const body = (await graphql.json()) as { data?: unknown; errors?: { message: string }[] }
    expect(body.data).toBeUndefined()
    expect(body.errors?.[0]?.message).toMatch(/AppointmentRequests/)
  })
})
