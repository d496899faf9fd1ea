import { expect, test } from '@playwright/test'

import { articleBlocksToLexical } from '@/lib/text-import'

import { e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'
import { sitemapFiles } from './helpers/sitemap'

/*
 * Issue 11 on the real server: the page cache is purged by tag, only for published changes.
 * `x-nextjs-cache: HIT` proves a page was served from the cache, untouched by a change.
 */

const baseUrl = e2eBaseUrl()
const RUN = Date.now().toString(36)
const UNRELATED = '/blog/intervento-mini-invasivo-alluce-valgo'
const AUTHOR = '/autori/marco-ferri'

type Page = { status: number; cache: string | null; text: string; headers: Headers }

async function get(path: string): Promise<Page> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' })
  return {
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    text: await response.text(),
    headers: response.headers,
  }
}

/** Requests a page until the server answers it from its cache (the first render fills it). */
async function cached(path: string): Promise<Page> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const page = await get(path)
    if (page.cache === 'HIT') return page
  }
  throw new Error(`${path} is never served from the cache`)
}

/** The sitemap's <lastmod> of a URL. */
const lastmod = (sitemap: string, url: string) =>
  new RegExp(`<loc>${url}</loc>\\s*<lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1]

let headers: Record<string, string>
let post: { id: string; slug: string }
let category: { id: string; slug: string }
let listings: string[]
/** The sitemap index and its children (which list the article URLs), as paths. */
let sitemaps: string[]

/** Every sitemap document's text, each read with `read`. */
async function sitemapText(read: (path: string) => Promise<Page>): Promise<string> {
  const texts: string[] = []
  for (const path of sitemaps) texts.push((await read(path)).text)
  return texts.join('\n')
}

const FIRST_TITLE = `Tendinite achillea ${RUN}: prima versione`
const DRAFT_TITLE = `Tendinite achillea ${RUN}: bozza non pubblicata`
const PUBLISHED_TITLE = `Tendinite achillea ${RUN}: titolo corretto`

const save = async (query: string, data: Record<string, unknown>) => {
  const response = await fetch(`${baseUrl}/api/posts/${post.id}${query}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify(data),
  })
  expect(response.status).toBe(200)
}

// One post goes from published to draft save, to published again, to unpublished.
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  headers = await adminHeaders(baseUrl)
  const created = await fetch(`${baseUrl}/api/categories`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: `Tendini ${RUN}`, slug: '', medical: false }),
  })
  expect(created.status).toBe(201)
  category = ((await created.json()) as { doc: { id: string; slug: string } }).doc
  const authors = await fetch(`${baseUrl}/api/authors?where[slug][equals]=marco-ferri&depth=0`, {
    headers,
  })
  const author = ((await authors.json()) as { docs: { id: string }[] }).docs[0]!
  const response = await fetch(`${baseUrl}/api/posts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: FIRST_TITLE,
      excerpt: 'Sommario di prova.',
      _status: 'published',
      categories: [category.id],
      author: author.id,
      content: articleBlocksToLexical([{ type: 'paragraph', text: 'Testo di prova.' }]),
    }),
  })
  expect(response.status).toBe(201)
  post = ((await response.json()) as { doc: { id: string; slug: string } }).doc
  listings = ['/blog', '/', `/categorie/${category.slug}`, AUTHOR, '/feed.xml']
  const { children } = await sitemapFiles(baseUrl)
  sitemaps = ['/sitemap.xml', ...[...children.keys()].map((url) => new URL(url).pathname)]
})

test.describe('the page cache after editors’ saves', () => {
  test('an autosave or a draft save of a published post leaves every cached page as it was', async () => {
    for (const path of [`/blog/${post.slug}`, ...listings, ...sitemaps, UNRELATED]) {
      await cached(path)
    }
    await save('?draft=true&autosave=true', { title: DRAFT_TITLE })
    await save('?draft=true', { title: DRAFT_TITLE, _status: 'draft' })

    const article = await get(`/blog/${post.slug}`)
    expect(article.cache).toBe('HIT')
    expect(article.text).toContain(FIRST_TITLE)
    expect(article.text).not.toContain(DRAFT_TITLE)
    for (const path of [...listings, ...sitemaps]) {
      const page = await get(path)
      expect({ path, cache: page.cache, draft: page.text.includes(DRAFT_TITLE) }).toEqual({
        path,
        cache: 'HIT',
        draft: false,
      })
    }
  })

  test('publishing shows the new title everywhere at the next request; other articles stay cached', async () => {
    const sitemapBefore = await sitemapText(cached)
    await cached(UNRELATED)

    await save('', { title: PUBLISHED_TITLE, _status: 'published' })

    const article = await get(`/blog/${post.slug}`)
    expect(article.text).toContain(`<h1>${PUBLISHED_TITLE}</h1>`)
    for (const path of listings) {
      const page = await get(path)
      expect({ path, shows: page.text.includes(PUBLISHED_TITLE) }).toEqual({ path, shows: true })
    }
    const url = `${baseUrl}/blog/${post.slug}`
    const sitemap = await sitemapText(get)
    expect(lastmod(sitemap, url)).toBeDefined()
    expect(lastmod(sitemap, url)! > lastmod(sitemapBefore, url)!).toBe(true)

    // Tag precision: nothing the publish touched is on this page.
    const unrelated = await get(UNRELATED)
    expect(unrelated.cache).toBe('HIT')
    expect(unrelated.status).toBe(200)
  })

  test('unpublishing answers 404 and takes the article out of every listing at once', async () => {
    for (const path of [`/blog/${post.slug}`, ...listings, ...sitemaps]) await cached(path)
    await save('', { _status: 'draft' })

    expect((await get(`/blog/${post.slug}`)).status).toBe(404)
    for (const path of [...listings, ...sitemaps]) {
      const page = await get(path)
      expect({ path, lists: page.text.includes(`/blog/${post.slug}`) }).toEqual({
        path,
        lists: false,
      })
    }
  })
})

test.describe('client hints', () => {
  const hintHeaders = (page: Page) =>
    ['accept-ch', 'critical-ch', 'vary'].filter((name) =>
      /sec-ch-prefers-color-scheme/i.test(page.headers.get(name) ?? ''),
    )

  test('public responses ask for none (no Accept-CH, Critical-CH or Vary on the colour scheme)', async () => {
    for (const path of ['/', UNRELATED, '/blog', '/feed.xml', '/sitemap.xml', '/prenota']) {
      const page = await get(path)
      expect({ path, status: page.status, hints: hintHeaders(page) }).toEqual({
        path,
        status: 200,
        hints: [],
      })
      expect(page.headers.get('accept-ch')).toBeNull()
      expect(page.headers.get('critical-ch')).toBeNull()
    }
  })

  test('the admin keeps them', async () => {
    const login = await get('/admin/login')
    expect(login.status).toBe(200)
    expect(login.headers.get('accept-ch')).toMatch(/Sec-CH-Prefers-Color-Scheme/i)
    expect(hintHeaders(login)).toEqual(expect.arrayContaining(['accept-ch', 'critical-ch']))
  })
})
