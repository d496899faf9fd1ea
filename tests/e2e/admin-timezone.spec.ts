import { expect, test } from '@playwright/test'

import { ADMIN_CONTEXT, dateInput, logIn, romeDateTime } from './helpers/admin'
import { E2E_ADMIN, e2eBaseUrl } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'

/*
 * An editor whose laptop is set to another zone (here New York, 6 hours behind Rome in winter)
 * still reads and picks the clinic's times: the form, the list and a newly picked time are all
 * Europe/Rome (lib/admin/rome-dates.ts).
 */
const baseUrl = e2eBaseUrl()
const title = `Fuso orario ${Date.now()}`
/** 09:45 in Rome on a winter day: 08:45 UTC, 03:45 in New York. */
const PUBLISHED_AT = '2026-11-30T08:45:00.000Z'

test.use({ ...ADMIN_CONTEXT, timezoneId: 'America/New_York' })

test('dates read and are picked in Rome time from a browser in New York', async ({ page }) => {
  test.setTimeout(120_000)
  const { id } = await createPublishedPost(baseUrl, title)
  const headers = await adminHeaders(baseUrl)
  const patched = await fetch(`${baseUrl}/api/posts/${id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ publishedAt: PUBLISHED_AT }),
  })
  expect(patched.status).toBe(200)
  const { updatedAt } = ((await patched.json()) as { doc: { updatedAt: string } }).doc

  await logIn(page, baseUrl, E2E_ADMIN)
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'America/New_York',
  )
  await page.goto(`${baseUrl}/admin/collections/posts/${id}`)
  const input = dateInput(page, 'publishedAt')
  await expect(input).toHaveValue('30/11/2026 09:45')
  // The form renders its fields disabled until its state has loaded.
  await expect(input).toBeEnabled()

  // A time typed in the form is the clinic's time: 10:30 in Rome is 09:30 UTC.
  await input.fill('30/11/2026 10:30')
  await input.press('Enter')
  await page.keyboard.press('Control+s')
  await expect
    .poll(async () => {
      const response = await fetch(`${baseUrl}/api/posts/${id}?depth=0&draft=true`, { headers })
      return ((await response.json()) as { publishedAt: string }).publishedAt
    })
    .toBe('2026-11-30T09:30:00.000Z')

  await page.goto(`${baseUrl}/admin/collections/posts?limit=10&sort=-updatedAt`)
  const row = page.locator('tr', { hasText: title })
  await expect(row).toContainText(romeDateTime(updatedAt).slice(0, 10))
  const shown = row.locator('td').filter({ hasText: /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/ })
  await expect(shown.first()).toBeVisible()
  // The list's "last modified" of the save above, in Rome time (not New York's, 6 hours earlier).
  const saved = await fetch(`${baseUrl}/api/posts/${id}?depth=0&draft=true`, { headers })
  const savedAt = ((await saved.json()) as { updatedAt: string }).updatedAt
  await expect(row).toContainText(romeDateTime(savedAt))
})
