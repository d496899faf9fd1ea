import { expect, test, type Page } from '@playwright/test'

import { e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'

/**
 * The brand from the Clinic global: the logo in the header, icons generated from it, and the
 * accent colour, which follows the global when an admin changes it (the `clinic` cache tag).
 */

const DEMO_NAME = 'Clinica del Piede (demo)'
const DEMO_COLOUR = '#0f6b5c'

test.use({ locale: 'it-IT' })
test.describe.configure({ mode: 'serial' })

const cssVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name)

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function fetchImage(url: string) {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^image\//)
  return Buffer.from(await response.arrayBuffer())
}

async function setBrandColour(colour: string) {
  return fetch(`${e2eBaseUrl()}/api/globals/clinic`, {
    method: 'POST',
    headers: await adminHeaders(e2eBaseUrl()),
    body: JSON.stringify({ brandColor: colour }),
  })
}

test('the header shows the logo with the clinic name as its one accessible name', async ({
  page,
}) => {
  await page.goto(`${e2eBaseUrl()}/`)
  const home = page.locator('body > header').getByRole('link', { name: DEMO_NAME, exact: true })
  await expect(home).toHaveAttribute('href', '/')
  const logo = home.getByRole('img', { name: DEMO_NAME })
  await expect(logo).toBeVisible()
  await expect(logo).toHaveAttribute('height', '44')
  await expect(logo).toHaveAttribute('width', '44')
  const src = await logo.evaluate((img: HTMLImageElement) => img.currentSrc)
  expect(src).toContain('/_next/image?url=%2Fapi%2Fmedia%2Ffile%2Flogo-clinica')
  await fetchImage(src)
})

test('the favicon and the Apple touch icon are served as PNG of the right size', async ({
  page,
}) => {
  await page.goto(`${e2eBaseUrl()}/`)
  const icon = await page.locator('link[rel="icon"][type="image/png"]').getAttribute('href')
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
  expect(icon).toMatch(/^\/icon(\?|$)/)
  expect(apple).toMatch(/^\/apple-icon(\?|$)/)
  expect(pngSize(await fetchImage(`${e2eBaseUrl()}${icon}`))).toEqual({ width: 32, height: 32 })
  expect(pngSize(await fetchImage(`${e2eBaseUrl()}${apple}`))).toEqual({ width: 180, height: 180 })
})

test('a brand colour too light for AA is refused with the Italian message', async () => {
  const response = await setBrandColour('#ffcc00')
  expect(response.status).toBe(400)
  const body = (await response.json()) as {
    errors: { data?: { errors?: { message: string }[] } }[]
  }
  expect(body.errors[0]?.data?.errors?.[0]?.message).toBe(
    'Contrasto troppo basso sugli sfondi chiari del sito: 1,39:1, serve almeno 4,5:1 (WCAG AA). Scegli una tonalità più scura.',
  )
})

test('the accent colour follows the Clinic global once it is saved', async ({ page }) => {
  await page.goto(`${e2eBaseUrl()}/`)
  expect(await cssVar(page, '--color-accent')).toBe(DEMO_COLOUR)
  expect(await cssVar(page, '--color-accent-dark')).toBe('#0a493f')

  try {
    expect((await setBrandColour('#7a3b69')).status).toBe(200)
    await expect
      .poll(async () => {
        await page.reload()
        return cssVar(page, '--color-accent')
      })
      .toBe('#7a3b69')
    expect(await cssVar(page, '--color-accent-dark')).toBe('#532847')
    // Links and buttons use it.
    await expect(page.locator('.hero .button')).toHaveCSS('background-color', 'rgb(122, 59, 105)')
  } finally {
    expect((await setBrandColour(DEMO_COLOUR)).status).toBe(200)
  }
  await expect
    .poll(async () => {
      await page.reload()
      return cssVar(page, '--color-accent')
    })
    .toBe(DEMO_COLOUR)
})

test('the icons are regenerated from the Clinic global when its logo changes', async () => {
  const headers = await adminHeaders(e2eBaseUrl())
  const clinic = (await (
    await fetch(`${e2eBaseUrl()}/api/globals/clinic?depth=0`, { headers })
  ).json()) as { logo: string | null }
  expect(typeof clinic.logo).toBe('string')
  const iconUrl = `${e2eBaseUrl()}/icon`
  const withLogo = await fetchImage(iconUrl)

  const saveLogo = (logo: string | null) =>
    fetch(`${e2eBaseUrl()}/api/globals/clinic`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ logo }),
    })
  try {
    expect((await saveLogo(null)).status).toBe(200)
    // Without a logo: the fallback drawing, a different image of the same size.
    await expect
      .poll(async () => (await fetchImage(iconUrl)).equals(withLogo), { timeout: 30_000 })
      .toBe(false)
    expect(pngSize(await fetchImage(iconUrl))).toEqual({ width: 32, height: 32 })
  } finally {
    expect((await saveLogo(clinic.logo)).status).toBe(200)
  }
  await expect
    .poll(async () => (await fetchImage(iconUrl)).equals(withLogo), { timeout: 30_000 })
    .toBe(true)
})
