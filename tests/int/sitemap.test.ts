import { describe, expect, it } from '@jest/globals'
import { resolveSitemap } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data'

import { xmllint } from '../support/xmllint'
import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

/*
 * Issue 16: the sitemap index and its children on the real database, split at a small limit so
 * a few documents exercise what 50,000 URLs per file do in production.
 */

const ctx = setupTestPayload()
const SITE = 'http://localhost:3999'

async function publishPosts(count: number) {
  for (let n = 1; n <= count; n++) {
    await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: {
        title: `Articolo ${n}`,
        slug: `articolo-${n}`,
        content: paragraphBody('Testo.'),
        _status: 'published',
        publishedAt: new Date(Date.UTC(2026, 0, n, 10)).toISOString(),
        ...(n === 2 ? { meta: { noindex: true } } : {}),
      },
    })
  }
  await ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    draft: true,
    data: { title: 'Bozza', slug: 'bozza', content: paragraphBody('Testo.'), _status: 'draft' },
  })
}

describe('sitemap index and children', () => {
  it('splits every published URL into children of at most `limit`, in order, read in batches', async () => {
    const { payload } = ctx
    await payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Piede', slug: '', medical: false },
    })
    await payload.create({
      ...QUIET,
      collection: 'authors',
      data: { name: 'Marta Conti', slug: '' },
    })
    await publishPosts(6)
    const { loadSitemapChild, loadSitemapIds, SITEMAP_URL_LIMIT } =
      await import('@/lib/queries/sitemap')
    const { buildSitemap } = await import('@/lib/seo/sitemap')
    expect(SITEMAP_URL_LIMIT).toBe(50_000)

    // 5 sections (home, blog, booking, one category, one author) + 6 posts = 11 URLs: 4 files.
    const options = { limit: 3, batch: 2 }
    const ids = await loadSitemapIds(payload, options)
    expect(ids).toEqual([0, 1, 2, 3])
    const children = []
    for (const id of ids) children.push(await loadSitemapChild(payload, id, options))
    expect(children.map((child) => child?.length)).toEqual([3, 3, 3, 2])
    expect(children.flat().map((source) => source?.path)).toEqual([
      '/',
      '/blog',
      '/prenota',
      '/categorie/piede',
      '/autori/marta-conti',
      ...[6, 5, 4, 3, 2, 1].map((n) => `/blog/articolo-${n}`),
    ])
    expect(await loadSitemapChild(payload, 4, options)).toBeNull()
    expect(await loadSitemapChild(payload, -1, options)).toBeNull()

    // The noindex post is dropped when the child is written: that file lists one URL fewer.
    const last = buildSitemap(SITE, children[3]!)
    expect(last.map((entry) => entry.url)).toEqual([`${SITE}/blog/articolo-1`])
    const xml = resolveSitemap(last)
    expect(xml).toContain(`<loc>${SITE}/blog/articolo-1</loc>`)
    const lint = xmllint(xml, 'sitemap.xsd')
    expect(lint.stderr).toContain('validates')
    expect(lint.status).toBe(0)

    // With the production limit everything fits in one file.
    expect(await loadSitemapIds(payload)).toEqual([0])
    const all = await loadSitemapChild(payload, 0)
    expect(all).toHaveLength(11)
    expect(await loadSitemapChild(payload, 1)).toBeNull()
  })

  it('writes an index valid against the sitemaps.org schema', async () => {
    const { childSitemapPath, sitemapIndexXml } = await import('@/lib/seo/sitemap')
    const xml = sitemapIndexXml([0, 1, 2].map((id) => `${SITE}${childSitemapPath(id)}`))
    expect(xml.match(/<loc>[^<]+<\/loc>/g)).toEqual([
      `<loc>${SITE}/sitemaps/sitemap/0.xml</loc>`,
      `<loc>${SITE}/sitemaps/sitemap/1.xml</loc>`,
      `<loc>${SITE}/sitemaps/sitemap/2.xml</loc>`,
    ])
    const lint = xmllint(xml, 'siteindex.xsd')
    expect(lint.stderr).toContain('validates')
    expect(lint.status).toBe(0)
    // The index schema refuses a urlset, and the other way round: each check can fail.
    expect(xmllint(xml, 'sitemap.xsd').status).not.toBe(0)
  })
})
