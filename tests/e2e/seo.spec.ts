import { expect, test } from '@playwright/test'
import Parser from 'rss-parser'

import { e2eBaseUrl } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { sitemapFiles, sitemapUrls as listedUrls, xmllint } from './helpers/sitemap'

const baseUrl = e2eBaseUrl()
const ARTICLE_SLUG = 'intervento-mini-invasivo-alluce-valgo'
const ARTICLE = `/blog/${ARTICLE_SLUG}`

const html = async (url: string) => (await fetch(`${baseUrl}${url}`)).text()
const metaContent = (page: string, property: string) =>
  [
    ...page.matchAll(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`, 'g')),
  ].map((m) => m[1])

type Node = { '@type': string | string[]; '@id'?: string; [key: string]: unknown }
const jsonLdGraph = (page: string): Node[] => {
  const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  expect(scripts).toHaveLength(1)
  const parsed = JSON.parse(scripts[0]![1]!) as { '@context': string; '@graph': Node[] }
  expect(parsed['@context']).toBe('https://schema.org')
  return parsed['@graph']
}
const types = (graph: Node[]) => graph.flatMap((node) => [node['@type']].flat())

const sitemapUrls = () => listedUrls(baseUrl)

const parseFeed = async () => new Parser().parseString(await html('/feed.xml'))

test.describe('article metadata and structured data', () => {
  test('has exactly one canonical link, Open Graph article tags and the feed link', async () => {
    const page = await html(ARTICLE)
    expect(page.match(/<link rel="canonical"/g)).toHaveLength(1)
    expect(page).toContain(`<link rel="canonical" href="${baseUrl}${ARTICLE}"/>`)
    expect(metaContent(page, 'og:type')).toEqual(['article'])
    expect(metaContent(page, 'og:locale')).toEqual(['it_IT'])
    expect(metaContent(page, 'og:url')).toEqual([`${baseUrl}${ARTICLE}`])
    expect(metaContent(page, 'article:published_time')[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(metaContent(page, 'article:section')).toEqual(['Alluce valgo'])
    expect(metaContent(page, 'og:image')).toEqual([`${baseUrl}/og/${ARTICLE_SLUG}`])
    expect(metaContent(page, 'twitter:card')).toEqual(['summary_large_image'])
    expect(metaContent(page, 'robots')).toEqual(['index, follow'])
    expect(page).toContain('<link rel="alternate" type="application/rss+xml"')
  })

  test('carries one connected JSON-LD graph with the medical nodes', async () => {
    const graph = jsonLdGraph(await html(ARTICLE))
    for (const type of [
      'WebSite',
      'MedicalClinic',
      'MedicalWebPage',
      'BlogPosting',
      'Person',
      'MedicalCondition',
      'MedicalProcedure',
      'BreadcrumbList',
      'FAQPage',
    ]) {
      expect(types(graph)).toContain(type)
    }
    const ids = new Set(graph.map((node) => node['@id']))
    const references = JSON.stringify(graph).match(/"@id":"[^"]+"/g) ?? []
    for (const reference of references) expect(ids).toContain(JSON.parse(`{${reference}}`)['@id'])
    const webpage = graph.find((node) => node['@type'] === 'MedicalWebPage')!
    expect(webpage.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(webpage.inLanguage).toBe('it-IT')
    const posting = graph.find((node) => node['@type'] === 'BlogPosting')!
    expect(posting.datePublished).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    )
  })

  test('generates a 1200×630 PNG sharing image, 404 for unknown articles', async () => {
    const image = await fetch(`${baseUrl}/og/${ARTICLE_SLUG}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    const bytes = Buffer.from(await image.arrayBuffer())
    expect(bytes.readUInt32BE(16)).toBe(1200)
    expect(bytes.readUInt32BE(20)).toBe(630)
    expect((await fetch(`${baseUrl}/og/non-esiste`)).status).toBe(404)
  })
})

test.describe('discovery files', () => {
  test('serves a sitemap valid against the sitemaps.org schema, listing published pages only', async () => {
    // The index against the index schema, each child sitemap against the sitemap schema.
    const { index, children } = await sitemapFiles(baseUrl)
    expect(children.size).toBeGreaterThanOrEqual(1)
    const files = [
      { schema: 'siteindex.xsd' as const, xml: index },
      ...[...children.values()].map((xml) => ({ schema: 'sitemap.xsd' as const, xml })),
    ]
    for (const { schema, xml } of files) {
      const lint = xmllint(xml, schema)
      expect({ schema, stderr: lint.stderr }).toEqual({
        schema,
        stderr: expect.stringContaining('validates'),
      })
      expect(lint.status).toBe(0)
    }
    const urls = await sitemapUrls()
    expect(urls).toContain(`${baseUrl}${ARTICLE}`)
    expect(urls).toContain(`${baseUrl}/categorie/alluce-valgo`)
    expect(urls).toContain(`${baseUrl}/autori/marco-ferri`)
    expect(urls).toContain(`${baseUrl}/privacy`)
    expect(urls.some((url) => url?.includes('/cerca'))).toBe(false)
  })

  test('serves robots.txt pointing at the sitemap', async () => {
    const robots = await html('/robots.txt')
    expect(robots).toContain('User-Agent: *')
    expect(robots).toContain('Allow: /')
    for (const path of ['/admin', '/api', '/cerca']) expect(robots).toContain(`Disallow: ${path}`)
    expect(robots).toContain(`Sitemap: ${baseUrl}/sitemap.xml`)
  })

  test('serves an RSS 2.0 feed a real parser reads, with the article', async () => {
    const response = await fetch(`${baseUrl}/feed.xml`)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const feed = await parseFeed()
    expect(feed.items.length).toBeGreaterThanOrEqual(4)
    expect(feed.items.length).toBeLessThanOrEqual(20)
    const item = feed.items.find((entry) => entry.link === `${baseUrl}${ARTICLE}`)
    expect(item?.guid).toBe(`${baseUrl}${ARTICLE}`)
    expect(item?.title).toBe('Cos’è l’intervento mini invasivo alluce valgo')
    expect(new Date(item!.pubDate!).toString()).not.toBe('Invalid Date')
    expect(item?.categories).toEqual(['Alluce valgo', 'Chirurgia del piede'])
  })
})

test.describe('changes reach readers and search engines on the next request', () => {
  test('an edited title shows on the article, the home page and the feed at once', async () => {
    const { headers, id, slug } = await createPublishedPost(baseUrl, 'Tallonite: prima versione')
    expect(await html(`/blog/${slug}`)).toContain('<h1>Tallonite: prima versione</h1>')
    const title = 'Tallonite: titolo corretto dalla redazione'
    const saved = await fetch(`${baseUrl}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title, _status: 'published' }),
    })
    expect(saved.status).toBe(200)
    expect(await html(`/blog/${slug}`)).toContain(`<h1>${title}</h1>`)
    expect(await html('/')).toContain(title)
    expect((await parseFeed()).items.map((item) => item.title)).toContain(title)
  })

  test('unpublishing makes the page 404 and removes it from sitemap and feed', async () => {
    const { headers, id, slug } = await createPublishedPost(baseUrl, 'Neuroma di Morton')
    expect(await sitemapUrls()).toContain(`${baseUrl}/blog/${slug}`)
    expect((await parseFeed()).items.map((item) => item.link)).toContain(`${baseUrl}/blog/${slug}`)
    const unpublished = await fetch(`${baseUrl}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(unpublished.status).toBe(200)
    expect((await fetch(`${baseUrl}/blog/${slug}`)).status).toBe(404)
    expect(await sitemapUrls()).not.toContain(`${baseUrl}/blog/${slug}`)
    expect((await parseFeed()).items.map((item) => item.link)).not.toContain(
      `${baseUrl}/blog/${slug}`,
    )
    expect(await html('/')).not.toContain(`/blog/${slug}`)
  })

  test('renaming a published post makes the old URL answer 301 to the new one', async () => {
    const { headers, id, slug } = await createPublishedPost(baseUrl, 'Piede piatto nel bambino')
    // Served before the rename: the proxy's redirect table is loaded and cached by now.
    expect((await fetch(`${baseUrl}/blog/${slug}`)).status).toBe(200)
    const renamed = await fetch(`${baseUrl}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ slug: 'piede-piatto-bambini', _status: 'published' }),
    })
    expect(renamed.status).toBe(200)
    const old = await fetch(`${baseUrl}/blog/${slug}?utm_source=newsletter`, { redirect: 'manual' })
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/blog/piede-piatto-bambini?utm_source=newsletter')
    expect((await fetch(`${baseUrl}/blog/piede-piatto-bambini`)).status).toBe(200)
    expect(await sitemapUrls()).not.toContain(`${baseUrl}/blog/${slug}`)
  })
})
