import { expect, test } from '@playwright/test'

import { e2eBaseUrl } from './helpers/app'

/**
 * An article as printed (print media): the article, the clinic's name and contacts; no
 * navigation, search, breadcrumbs or call to action; the FAQ answers shown; link addresses
 * written after the links.
 */

const ARTICLE = '/blog/intervento-mini-invasivo-alluce-valgo'

test.use({ locale: 'it-IT', viewport: { width: 800, height: 1100 } })

test('an article prints without chrome, with contacts, FAQ answers and link addresses', async ({
  page,
}) => {
  await page.goto(`${e2eBaseUrl()}${ARTICLE}`)
  const answers = page.locator('.faq__print dd')
  // On screen: the FAQ is the closed disclosure widgets, the print list is not there.
  await expect(page.getByRole('navigation', { name: 'Principale' })).toBeVisible()
  await expect(answers.first()).toBeHidden()

  await page.emulateMedia({ media: 'print' })

  await expect(page.getByRole('navigation', { name: 'Principale' })).toBeHidden()
  await expect(page.getByRole('search')).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Percorso' })).toBeHidden()
  await expect(page.locator('.cta')).toBeHidden()
  await expect(page.getByRole('link', { name: 'Richiedi un appuntamento' })).toBeHidden()
  await expect(page.locator('.site-footer__links')).toBeHidden()

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('.site-footer__name')).toBeVisible()
  await expect(page.locator('.site-footer__name')).toHaveText(/\S/)
  await expect(page.locator('.site-footer a[href^="tel:"]')).toBeVisible()
  await expect(page.locator('.site-footer a[href^="mailto:"]')).toBeVisible()

  // Every FAQ answer is printed, the disclosure widgets are not.
  const count = await page.locator('.faq details').count()
  expect(count).toBeGreaterThan(0)
  await expect(answers).toHaveCount(count)
  for (const answer of await answers.all()) await expect(answer).toBeVisible()
  await expect(page.locator('.faq details').first()).toBeHidden()

  // A site link is followed by its full address.
  const author = page.locator('main .byline a[href^="/autori/"]').first()
  const href = await author.getAttribute('href')
  expect(href).toMatch(/^\/autori\//)
  const after = await author.evaluate((link) => getComputedStyle(link, '::after').content)
  expect(after).toContain(href)
  expect(after).toContain(new URL(e2eBaseUrl()).origin)
})
