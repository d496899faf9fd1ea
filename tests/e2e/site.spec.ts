import { readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { E2E_ADMIN, e2eBaseUrl } from './helpers/app'
import { ADMIN_CONTEXT, logIn } from './helpers/admin'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'

import { articleBlocksToLexical } from '@/lib/text-import'

const ARTICLE_SLUG = 'intervento-mini-invasivo-alluce-valgo'
const source = readFileSync(path.join(process.cwd(), 'seed/content', `${ARTICLE_SLUG}.txt`), 'utf8')
const [sourceTitle = '', ...sourceBlocks] = source.split(/\n\s*\n/).map((block) => block.trim())

const app = { baseUrl: e2eBaseUrl() }

test.describe('public site over HTTP', () => {
  test('serves the article with its title, Italian language and canonical URL', async () => {
    const response = await fetch(`${app.baseUrl}/blog/${ARTICLE_SLUG}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<html lang="it"')
    expect(html).toContain(`<link rel="canonical" href="${app.baseUrl}/blog/${ARTICLE_SLUG}"/>`)
    expect(html).toMatch(/<h1>Cos’è l’intervento mini invasivo alluce valgo<\/h1>/)
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  test('answers 404 with the Italian page for an unknown article and an unknown URL', async () => {
    for (const url of [`/blog/non-esiste`, `/pagina-inesistente`]) {
      const response = await fetch(`${app.baseUrl}${url}`)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('Pagina non trovata')
    }
  })

  test('paginates the blog 12 a page and 404s past the end', async () => {
    // Other files publish posts on this shared server: walk every page through its "next" link.
    const listed: string[] = []
    let pages = 0
    for (let path: string | undefined = '/blog'; path;) {
      const response: Response = await fetch(`${app.baseUrl}${path}`)
      expect(response.status).toBe(200)
      const html: string = await response.text()
      pages += 1
      const cards = [...html.matchAll(/<h2 class="post-card__title"><a href="([^"]+)"/g)]
      path = /<a rel="next" href="([^"]+)"/.exec(html)?.[1]
      // Full pages until the last one.
      if (path) expect(cards).toHaveLength(12)
      else expect(cards.length).toBeGreaterThan(0)
      listed.push(...cards.map((card) => card[1]!))
    }
    for (const slug of [
      ARTICLE_SLUG,
      'alluce-valgo-che-cos-e-e-come-si-riconosce',
      'dopo-l-intervento-all-alluce-valgo-le-scarpe-ortopediche',
      'metatarsalgia-il-dolore-sotto-l-avampiede',
    ]) {
      expect(listed).toContain(`/blog/${slug}`)
    }
    expect(new Set(listed).size).toBe(listed.length)
    for (const url of [`/blog/pagina/${pages + 1}`, '/blog/pagina/abc', '/blog/pagina/02']) {
      expect((await fetch(`${app.baseUrl}${url}`)).status).toBe(404)
    }
    const pageOne = await fetch(`${app.baseUrl}/blog/pagina/1`, { redirect: 'manual' })
    expect(pageOne.status).toBe(308)
    expect(pageOne.headers.get('location')).toMatch(/\/blog$/)
  })

  test('serves the privacy and cookie pages linked from every page', async () => {
    const home = await (await fetch(`${app.baseUrl}/`)).text()
    for (const [url, title] of [
      ['/privacy', 'Informativa sulla privacy'],
      ['/cookie', 'Cookie policy'],
    ]) {
      expect(home).toContain(`href="${url}"`)
      const response = await fetch(`${app.baseUrl}${url}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain(`<h1>${title}</h1>`)
    }
  })

  test('never shows a draft, even to someone who knows its URL', async () => {
    const headers = await adminHeaders(app.baseUrl)
    const created = await fetch(`${app.baseUrl}/api/posts?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Bozza non ancora revisionata',
        _status: 'draft',
        content: articleBlocksToLexical([]),
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { slug: string } }
    expect(doc.slug).toBe('bozza-non-ancora-revisionata')

    const page = await fetch(`${app.baseUrl}/blog/${doc.slug}`)
    expect(page.status).toBe(404)
    expect(await page.text()).not.toContain('Bozza non ancora revisionata')

    const home = await (await fetch(`${app.baseUrl}/`)).text()
    expect(home).not.toContain('Bozza non ancora revisionata')
    const api = await (
      await fetch(`${app.baseUrl}/api/posts?where[slug][equals]=${doc.slug}`)
    ).json()
    expect(api).toMatchObject({ totalDocs: 0 })
  })
})

test.describe('in Chromium', () => {
  test.use(ADMIN_CONTEXT)

  test('shows the article heading and every paragraph of the source', async ({ page }) => {
    await page.goto(`${app.baseUrl}/blog/${ARTICLE_SLUG}`)
    await expect(page.locator('h1')).toHaveText(sourceTitle)
    // As read on screen (innerText); Playwright folds runs of white space, no-break spaces
    // included, on both sides.
    const body = page.locator('.article__body')
    for (const block of sourceBlocks) {
      await expect(body).toContainText(block, { useInnerText: true })
    }
    await expect(page.locator('.article__body h2')).toHaveText([
      'Cos’è l’intervento mini invasivo alluce valgo',
      'I vantaggi di questa procedura chirurgica',
    ])
  })

  test('lets an admin log in, edit the title, publish, and the public page shows it', async ({
    page,
  }) => {
    await logIn(page, app.baseUrl, E2E_ADMIN)

    // A post of this test's own: other test files read the seeded article at the same time.
    const { id, slug } = await createPublishedPost(
      app.baseUrl,
      'Fascite plantare: bozza del titolo',
    )
    await page.goto(`${app.baseUrl}/admin/collections/posts/${id}`)

    const newTitle = 'Fascite plantare: il titolo scelto dalla redazione'
    await page.locator('#field-title').fill(newTitle)
    const publish = page.getByRole('button', { name: 'Pubblica modifiche' })
    await expect(publish).toBeVisible()
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' &&
        response.url().includes(`/api/posts/${id}`) &&
        !response.url().includes('autosave=true'),
    )
    await publish.click()
    expect((await saved).status()).toBe(200)

    const article = await fetch(`${app.baseUrl}/blog/${slug}`)
    expect(await article.text()).toContain(`<h1>${newTitle}</h1>`)
  })
})
