import { mkdir } from 'node:fs/promises'
import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'

import { e2eBaseUrl } from './helpers/app'
import { axeViolations, describeViolations } from './helpers/axe'
import { e2eResultsDir } from './results-dir.mjs'

/**
 * Layout at a phone's and a desktop's width: no horizontal scrolling, the header never covers
 * or touches the first heading, and axe finds nothing. Full-page screenshots of the home page,
 * an article and /blog go to test-results/<run>/screenshots/ for review.
 */

const ARTICLE = '/blog/intervento-mini-invasivo-alluce-valgo'
const PAGES = [
  { name: 'home', path: '/', screenshot: true },
  { name: 'articolo', path: ARTICLE, screenshot: true },
  { name: 'blog', path: '/blog', screenshot: true },
  { name: 'prenota', path: '/prenota', screenshot: false },
  { name: 'cerca', path: '/cerca', screenshot: false },
] as const
const WIDTHS = [375, 1280] as const

/** The least space between the header's bottom edge and the first heading's top (CSS px). */
const MIN_HEADING_GAP = 16

const screenshotDir = path.join(e2eResultsDir(), 'screenshots')

test.use({ locale: 'it-IT' })

test.beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true })
})

async function layout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('body > header')!.getBoundingClientRect()
    const heading = document.querySelector('main h1')!.getBoundingClientRect()
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      headerBottom: header.bottom,
      headingTop: heading.top,
      headingLeft: heading.left,
      headingRight: heading.right,
    }
  })
}

for (const width of WIDTHS) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 800 } })

    for (const { name, path: pagePath, screenshot } of PAGES) {
      test(`${name}: no horizontal overflow, header clear of the heading, axe clean`, async ({
        page,
      }) => {
        const response = await page.goto(`${e2eBaseUrl()}${pagePath}`)
        expect(response?.status()).toBe(200)
        await expect(page.locator('main h1')).toHaveCount(1)
        // Every image that loads now decoded: a late image must not change the measured layout.
        // Lazy images below the fold never load here (their decode() would wait forever); their
        // width and height attributes reserve their place.
        await page.evaluate(() =>
          Promise.all(
            [...document.images]
              .filter(
                (img) => img.loading !== 'lazy' || img.getBoundingClientRect().top < innerHeight,
              )
              .map((img) => img.decode().catch(() => {})),
          ),
        )

        const box = await layout(page)
        expect(box.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(box.viewport)
        expect(box.headingLeft).toBeGreaterThanOrEqual(0)
        expect(box.headingRight).toBeLessThanOrEqual(box.viewport)
        expect(
          box.headingTop - box.headerBottom,
          'the first heading touches or hides under the header',
        ).toBeGreaterThanOrEqual(MIN_HEADING_GAP)

        expect(describeViolations(await axeViolations(page))).toEqual([])

        if (screenshot) {
          await page.screenshot({
            path: path.join(screenshotDir, `${name}-${width}.png`),
            fullPage: true,
          })
        }
      })
    }
  })
}

test('the check fails on a page that overflows and a header that covers the heading', async ({
  page,
}) => {
  // The same measurement on a broken layout: it must see both faults.
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto(`${e2eBaseUrl()}/`)
  await page.addStyleTag({
    content: 'body > header{position:fixed;top:0;left:0;right:0;height:400px} main h1{width:600px}',
  })
  const box = await layout(page)
  expect(box.scrollWidth).toBeGreaterThan(box.viewport)
  expect(box.headingTop - box.headerBottom).toBeLessThan(MIN_HEADING_GAP)
})
