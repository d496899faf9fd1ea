import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { e2eBaseUrl } from './helpers/app'
import { axeViolations, describeViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'

const baseUrl = e2eBaseUrl()
const ARTICLE = '/blog/intervento-mini-invasivo-alluce-valgo'
const SCREENSHOTS = path.join(process.cwd(), 'test-results', 'screenshots')

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
  mkdirSync(SCREENSHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

describe('a patient finds their way by clicking', () => {
  it('goes home → article → category → author', async () => {
    const page = await browser.newPage()
    await page.goto(`${baseUrl}/`)
    await page.locator(`main a[href="${ARTICLE}"]`).first().click()
    await page.waitForURL(`${baseUrl}${ARTICLE}`)
    await expect(page.locator('h1').textContent()).resolves.toMatch(/alluce valgo/i)

    await page
      .getByRole('navigation', { name: 'Percorso' })
      .getByRole('link', { name: 'Alluce valgo' })
      .click()
    await page.waitForURL(`${baseUrl}/categorie/alluce-valgo`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Alluce valgo')
    await expect(page.locator(`main a[href="${ARTICLE}"]`).count()).resolves.toBe(1)

    await page.locator(`main a[href="${ARTICLE}"]`).click()
    await page.waitForURL(`${baseUrl}${ARTICLE}`)
    await page.locator('.byline__author a').click()
    await page.waitForURL(`${baseUrl}/autori/marco-ferri`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Dott. Marco Ferri')
    await expect(
      page.locator('main').getByText('Iscritto all’Ordine dei Medici').count(),
    ).resolves.toBe(1)
    await page.close()
  })

  it('searches from the header and lands on highlighted results', async () => {
    const page = await browser.newPage()
    await page.goto(`${baseUrl}/`)
    await page.locator('header input[name="q"]').fill('OSTEOTOMIE')
    await page.locator('header form[role="search"] button').click()
    await page.waitForURL(/\/cerca\?q=OSTEOTOMIE/)
    await expect(page.locator(`main a[href="${ARTICLE}"]`).count()).resolves.toBe(1)
    await expect(page.locator('main mark').first().textContent()).resolves.toBe('osteotomie')
    const robots = await page.locator('meta[name="robots"]').getAttribute('content')
    expect(robots).toContain('noindex')
    await page.close()
  })
})

describe('article page layout', () => {
  it('has breadcrumbs, byline, review line, table of contents, facts, FAQ, disclaimer and CTA', async () => {
    const page = await browser.newPage()
    await page.goto(`${baseUrl}${ARTICLE}`)
    await expect(page.locator('nav[aria-label="Percorso"] li').allTextContents()).resolves.toEqual([
      'Home',
      'Alluce valgo',
      await page.locator('h1').textContent(),
    ])
    await expect(page.locator('.byline__review').textContent()).resolves.toMatch(
      /^Revisione medica: Dott\. Marco Ferri il \d{1,2} [a-z]+ \d{4}$/,
    )
    await expect(page.locator('.byline__dates').textContent()).resolves.toMatch(
      /minut[oi] di lettura/,
    )
    const tocTargets = await page
      .locator('.toc a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(tocTargets.length).toBeGreaterThanOrEqual(2)
    for (const target of tocTargets) await expect(page.locator(target!).count()).resolves.toBe(1)
    await expect(page.locator('.faq details').count()).resolves.toBe(5)
    await expect(page.locator('.facts dt').allTextContents()).resolves.toContain('Come si esegue')
    await expect(page.locator('.disclaimer').textContent()).resolves.toContain(
      'non sostituiscono il parere del medico',
    )
    await expect(page.locator('.cta a[href="/prenota"]').count()).resolves.toBe(1)
    await expect(page.locator('.related article').count()).resolves.toBe(3)
    const levels = await page
      .locator('main h1, main h2, main h3, main h4')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1))
    await page.close()
  })

  it('writes screenshots of the article at 375 px and 1280 px for review', async () => {
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      await page.goto(`${baseUrl}${ARTICLE}`, { waitUntil: 'networkidle' })
      const file = path.join(SCREENSHOTS, `articolo-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      )
      expect(overflow).toBe(false)
      await page.close()
    }
  })

  it('ships no Payload admin code to article readers', async () => {
    const page = await browser.newPage()
    const scripts: string[] = []
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text())
    })
    await page.goto(`${baseUrl}${ARTICLE}`, { waitUntil: 'networkidle' })
    expect(scripts.length).toBeGreaterThan(0)
    for (const source of scripts) expect(source).not.toMatch(/@payloadcms|payload-admin|lexical/i)
    await page.close()
  })
})

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = [
    '/',
    ARTICLE,
    '/blog',
    '/categorie/alluce-valgo',
    '/autori/marco-ferri',
    '/cerca?q=alluce',
    '/cerca',
    '/prenota',
    '/privacy',
    '/pagina-inesistente',
  ]
  it.each(pages)('%s has no violations', async (url) => {
    const page = await browser.newPage()
    await page.goto(`${baseUrl}${url}`)
    const violations = await axeViolations(page)
    expect(describeViolations(violations)).toEqual([])
    await page.close()
  })
})
