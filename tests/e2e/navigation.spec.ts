import { expect, test } from '@playwright/test'

import { e2eBaseUrl } from './helpers/app'
import { axeViolations, describeViolations } from './helpers/axe'

const baseUrl = e2eBaseUrl()
const ARTICLE = '/blog/intervento-mini-invasivo-alluce-valgo'

test.describe('a patient finds their way by clicking', () => {
  test('goes home → article → category → author', async ({ page }) => {
    await page.goto(`${baseUrl}/`)
    await page.locator(`main a[href="${ARTICLE}"]`).first().click()
    await expect(page).toHaveURL(`${baseUrl}${ARTICLE}`)
    await expect(page.locator('h1')).toHaveText(/alluce valgo/i)

    await page
      .getByRole('navigation', { name: 'Percorso' })
      .getByRole('link', { name: 'Alluce valgo' })
      .click()
    await expect(page).toHaveURL(`${baseUrl}/categorie/alluce-valgo`)
    await expect(page.locator('h1')).toHaveText('Alluce valgo')
    await expect(page.locator(`main a[href="${ARTICLE}"]`)).toHaveCount(1)

    await page.locator(`main a[href="${ARTICLE}"]`).click()
    await expect(page).toHaveURL(`${baseUrl}${ARTICLE}`)
    await page.locator('.byline__author a').click()
    await expect(page).toHaveURL(`${baseUrl}/autori/marco-ferri`)
    await expect(page.locator('h1')).toHaveText('Dott. Marco Ferri')
    await expect(page.locator('main').getByText('Iscritto all’Ordine dei Medici')).toHaveCount(1)
  })

  test('searches from the header and lands on highlighted results', async ({ page }) => {
    await page.goto(`${baseUrl}/`)
    await page.locator('header input[name="q"]').fill('OSTEOTOMIE')
    await page.locator('header form[role="search"] button').click()
    await expect(page).toHaveURL(/\/cerca\?q=OSTEOTOMIE/)
    await expect(page.locator(`main a[href="${ARTICLE}"]`)).toHaveCount(1)
    await expect(page.locator('main mark').first()).toHaveText('osteotomie')
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  })
})

test.describe('article page layout', () => {
  test('has breadcrumbs, byline, review line, table of contents, facts, FAQ, disclaimer and CTA', async ({
    page,
  }) => {
    await page.goto(`${baseUrl}${ARTICLE}`)
    const title = (await page.locator('h1').textContent()) ?? ''
    await expect(page.locator('nav[aria-label="Percorso"] li')).toHaveText([
      'Home',
      'Alluce valgo',
      title,
    ])
    await expect(page.locator('.byline__review')).toHaveText(
      /^Revisione medica: Dott\. Marco Ferri il \d{1,2} [a-z]+ \d{4}$/,
    )
    await expect(page.locator('.byline__dates')).toHaveText(/minut[oi] di lettura/)
    const toc = page.locator('.toc a')
    await expect.poll(() => toc.count()).toBeGreaterThanOrEqual(2)
    const tocTargets = await toc.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    for (const target of tocTargets) await expect(page.locator(target!)).toHaveCount(1)
    await expect(page.locator('.faq details')).toHaveCount(5)
    await expect(page.locator('.facts dt').filter({ hasText: /^Come si esegue$/ })).not.toHaveCount(
      0,
    )
    await expect(page.locator('.disclaimer')).toContainText(
      'non sostituiscono il parere del medico',
    )
    await expect(page.locator('.cta a[href="/prenota"]')).toHaveCount(1)
    await expect(page.locator('.related article')).toHaveCount(3)
    // The outline, read once the checks above have seen the whole article rendered.
    const levels = await page
      .locator('main h1, main h2, main h3, main h4')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1))
  })

  test('writes screenshots of the article at 375 px and 1280 px for review', async ({ page }) => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${baseUrl}${ARTICLE}`, { waitUntil: 'networkidle' })
      // Kept beside the test's other results (test-results/…/artifacts) and in the report.
      const file = test.info().outputPath(`articolo-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      await test.info().attach(`articolo-${width}`, { path: file, contentType: 'image/png' })
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth))
        .toBe(false)
    }
  })

  test('ships no Payload admin code to article readers', async ({ page }) => {
    const scripts: string[] = []
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text())
    })
    await page.goto(`${baseUrl}${ARTICLE}`, { waitUntil: 'networkidle' })
    expect(scripts.length).toBeGreaterThan(0)
    for (const source of scripts) expect(source).not.toMatch(/@payloadcms|payload-admin|lexical/i)
  })
})

test.describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
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
  for (const url of pages) {
    test(`${url} has no violations`, async ({ page }) => {
      await page.goto(`${baseUrl}${url}`)
      const violations = await axeViolations(page)
      expect(describeViolations(violations)).toEqual([])
    })
  }
})
