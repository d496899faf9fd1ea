import { expect, test } from '@playwright/test'

import { articleBlocksToLexical } from '@/lib/text-import'

import { xmllint } from '../support/xmllint'
import { e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'

/*
 * Issue 16 on the real server: paginated listings cached like /blog, category pages 12 a page
 * with canonical and prev/next links and 404s, and the sitemap index with its child sitemap.
 * The file publishes 13 posts in a category of its own (two pages) and deletes them afterwards.
 */

test.describe.configure({ mode: 'serial' })

const baseUrl = e2eBaseUrl()
const RUN = Date.now().toString(36)
const POSTS = 13

let headers: Record<string, string>
let category: { id: string; slug: string }
const posts: { id: string; slug: string }[] = []

async function get(pathname: string) {
  const response = await fetch(`${baseUrl}${pathname}`, { redirect: 'manual' })
  return {
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    cacheControl: response.headers.get('cache-control'),
    location: response.headers.get('location'),
    text: await response.text(),
  }
}

/** Requests a page until the server answers it from its cache (the first render fills it). */
async function cached(pathname: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const page = await get(pathname)
    if (page.cache === 'HIT') return page
  }
  throw new Error(`${pathname} is never served from the cache`)
}

async function create(collection: string, data: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/${collection}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(data),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: string; slug: string } }).doc
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  headers = await adminHeaders(baseUrl)
  // Not medical: these posts have no reviewer (the publishing rule has its own tests).
  category = await create('categories', { title: `Archivio ${RUN}`, medical: false })
  for (let n = 1; n <= POSTS; n++) {
    // With 12 posts the category has one page: its page 2 is a 404, cached like any page.
    if (n === POSTS) {
      expect((await get(`/categorie/${category.slug}/pagina/2`)).status).toBe(404)
      expect((await cached(`/categorie/${category.slug}/pagina/2`)).status).toBe(404)
    }
    posts.push(
      await create('posts', {
        title: `Archivio ${RUN} articolo ${n}`,
        excerpt: `Articolo ${n} dell’archivio di prova.`,
        _status: 'published',
        publishedAt: new Date(Date.UTC(2020, 0, n, 10)).toISOString(),
        categories: [category.id],
        content: articleBlocksToLexical([{ type: 'paragraph', text: 'Testo di prova.' }]),
      }),
    )
  }
})

test.afterAll(async () => {
  test.setTimeout(120_000)
  for (const post of posts)
    await fetch(`${baseUrl}/api/posts/${post.id}`, { method: 'DELETE', headers })
  if (category)
    await fetch(`${baseUrl}/api/categories/${category.id}`, { method: 'DELETE', headers })
})

test('/blog/pagina/2 is cached and revalidated like /blog', async () => {
  const blog = await cached('/blog')
  const second = await cached('/blog/pagina/2')
  expect(second.status).toBe(200)
  expect(blog.cacheControl).toMatch(/s-maxage=\d+/)
  expect(second.cacheControl).toBe(blog.cacheControl)
  // The oldest of this file's posts is on page 2 (17 published posts, newest first).
  expect(second.text).toContain(`href="/blog/${posts[0]!.slug}"`)
})

// The 13th post, published after page 2 was cached as a 404, brought that page to life.
test('a category pages 12 posts a page, with canonical and prev/next links', async ({ page }) => {
  const first = `/categorie/${category.slug}`
  const second = `${first}/pagina/2`
  await page.goto(`${baseUrl}${first}`)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseUrl}${first}`)
  await expect(page.locator('main .post-list > *')).toHaveCount(12)
  await expect(page.locator('nav.pagination a[rel="next"]')).toHaveAttribute('href', second)
  await expect(page.locator('nav.pagination a[rel="prev"]')).toHaveCount(0)
  await expect(page.locator('nav.pagination')).toContainText('Pagina 1 di 2')

  await page.goto(`${baseUrl}${second}`)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseUrl}${second}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Archivio ${RUN} – pagina 2`)
  await expect(page.locator('main .post-list > *')).toHaveCount(1)
  await expect(page.locator('main .post-list')).toContainText(`Archivio ${RUN} articolo 1`)
  await expect(page.locator('nav.pagination a[rel="prev"]')).toHaveAttribute('href', first)
  await expect(page.locator('nav.pagination a[rel="next"]')).toHaveCount(0)

  const cachedSecond = await cached(second)
  expect(cachedSecond.cacheControl).toMatch(/s-maxage=\d+/)
})

test('listing pages past the end or not a number answer 404; page 1 redirects', async () => {
  const base = `/categorie/${category.slug}`
  for (const pathname of [
    `${base}/pagina/3`,
    `${base}/pagina/abc`,
    `${base}/pagina/02`,
    `${base}/pagina/0`,
    '/categorie/non-esiste/pagina/2',
    '/autori/marco-ferri/pagina/2',
    '/autori/marco-ferri/pagina/x',
    '/blog/pagina/500',
  ]) {
    const response = await get(pathname)
    expect({ pathname, status: response.status }).toEqual({ pathname, status: 404 })
    expect(response.text).toContain('Pagina non trovata')
  }
  for (const base of [`/categorie/${category.slug}`, '/autori/marco-ferri']) {
    const response = await get(`${base}/pagina/1`)
    expect(response.status).toBe(308)
    expect(response.location).toBe(base)
  }
})

test('the sitemap index lists its children, each valid and reachable; robots.txt points at it', async () => {
  const index = await get('/sitemap.xml')
  expect(index.status).toBe(200)
  expect(index.text).toContain('<sitemapindex')
  const lint = xmllint(index.text, 'siteindex.xsd')
  expect(lint.stderr).toContain('validates')
  expect(lint.status).toBe(0)
  const children = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
  expect(children).toEqual([`${baseUrl}/sitemaps/sitemap/0.xml`])

  const child = await fetch(children[0]!)
  expect(child.status).toBe(200)
  const xml = await child.text()
  const childLint = xmllint(xml, 'sitemap.xsd')
  expect(childLint.stderr).toContain('validates')
  expect(childLint.status).toBe(0)
  expect(xml).toContain(`<loc>${baseUrl}/categorie/${category.slug}</loc>`)
  for (const post of posts) expect(xml).toContain(`<loc>${baseUrl}/blog/${post.slug}</loc>`)
  expect((await get('/sitemaps/sitemap/1.xml')).status).toBe(404)

  const robots = await get('/robots.txt')
  expect(robots.text).toContain(`Sitemap: ${baseUrl}/sitemap.xml`)
})
