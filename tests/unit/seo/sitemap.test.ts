import { describe, expect, it } from '@jest/globals'

import { buildSitemap, childSitemapPath, lastModified, sitemapIndexXml } from '@/lib/seo/sitemap'

describe('sitemap', () => {
  it('uses the later of the last update and the last medical review', () => {
    expect(
      lastModified({ updatedAt: '2026-01-10T10:00:00Z', lastReviewedAt: '2026-03-01T00:00:00Z' }),
    ).toBe('2026-03-01T00:00:00.000Z')
    expect(
      lastModified({ updatedAt: '2026-05-10T10:00:00Z', lastReviewedAt: '2026-03-01T00:00:00Z' }),
    ).toBe('2026-05-10T10:00:00.000Z')
    expect(lastModified({ updatedAt: null, lastReviewedAt: 'not a date' })).toBeUndefined()
  })

  it('lists absolute URLs, leaves out noindex pages and duplicates', () => {
    expect(
      buildSitemap('https://www.clinica.it', [
        { path: '/', updatedAt: '2026-01-01T00:00:00Z' },
        { path: '/blog/alluce-valgo', updatedAt: '2026-01-02T00:00:00Z' },
        { path: '/blog/nascosto', updatedAt: '2026-01-02T00:00:00Z', noindex: true },
        { path: '/blog/alluce-valgo', updatedAt: '2026-01-03T00:00:00Z' },
        { path: '/prenota' },
      ]),
    ).toEqual([
      { url: 'https://www.clinica.it/', lastModified: '2026-01-01T00:00:00.000Z' },
      { url: 'https://www.clinica.it/blog/alluce-valgo', lastModified: '2026-01-02T00:00:00.000Z' },
      { url: 'https://www.clinica.it/prenota' },
    ])
  })
})

describe('sitemap index', () => {
  it('lists each child sitemap once, XML-escaped, in the sitemaps.org namespace', () => {
    const site = 'https://www.clinica.it'
    expect(childSitemapPath(0)).toBe('/sitemaps/sitemap/0.xml')
    expect(sitemapIndexXml([`${site}${childSitemapPath(0)}`, `${site}/a?b=1&c=<2>`])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<sitemap>',
        '<loc>https://www.clinica.it/sitemaps/sitemap/0.xml</loc>',
        '</sitemap>',
        '<sitemap>',
        '<loc>https://www.clinica.it/a?b=1&amp;c=&lt;2&gt;</loc>',
        '</sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    )
  })
})
