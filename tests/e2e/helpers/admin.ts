import type { Browser, BrowserContext, Page } from 'playwright-core'

import { adminHeaders } from './rest'

export type Credentials = { email: string; password: string }

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

/** Logs in through the admin's own login form, in a fresh Italian browser context. */
export async function logIntoAdmin(
  browser: Browser,
  baseUrl: string,
  credentials: Credentials,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'it-IT',
    viewport: { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('#field-email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${baseUrl}/admin`)
  return { context, page }
}
