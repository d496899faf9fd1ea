import type { Browser, BrowserContext, Page } from '@playwright/test'

import { adminHeaders } from './rest'

export type Credentials = { email: string; password: string }

/** How the clinic's staff open the admin: Italian, a desktop screen. */
export const ADMIN_CONTEXT = {
  locale: 'it-IT',
  viewport: { width: 1440, height: 900 },
} as const

/** A new admin-panel account made over REST by the seeded admin (only admins manage users). */
export async function createStaffUser(
  baseUrl: string,
  user: Credentials & {
    name: string
    role: 'admin' | 'editor' | 'author' | 'reviewer'
    profile?: string
  },
): Promise<{ id: string }> {
  const response = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: await adminHeaders(baseUrl),
    body: JSON.stringify(user),
  })
  if (response.status !== 201)
    throw new Error(`creating ${user.email} failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { doc: { id: string } }).doc
}

/**
 * Logs in through the admin's own login form in `page` (the test's `page` fixture, in a file
 * that uses `test.use(ADMIN_CONTEXT)`), and waits for the dashboard.
 */
export async function logIn(page: Page, baseUrl: string, credentials: Credentials) {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('#field-email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${baseUrl}/admin`)
}

/**
 * A second (third …) user at the same time: a new Italian context from the `browser` fixture,
 * logged in. The caller closes the context.
 */
export async function logIntoAdmin(
  browser: Browser,
  baseUrl: string,
  credentials: Credentials,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(ADMIN_CONTEXT)
  const page = await context.newPage()
  await logIn(page, baseUrl, credentials)
  return { context, page }
}

/** How the admin shows a stored date: dd/MM/yyyy HH:mm in the clinic's zone (lib/admin/rome-dates.ts). */
export function romeDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`
}

/**
 * The text input of a date field (`name`, e.g. `publishedAt`) in the edit form: the date picker's
 * own input, never the time-zone picker beside it.
 */
export const dateInput = (page: Page, name: string) =>
  page.locator(`#field-${name} .date-time-picker__input-wrapper input`)
