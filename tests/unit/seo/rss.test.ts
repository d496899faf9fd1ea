import { describe, expect, it } from '@jest/globals'

import { FEED_MAX_ITEMS, buildRssFeed, escapeXml, type FeedPost } from '@/lib/seo/rss'
import { CLINIC_NAME, SITE_URL } from './fixtures'

const feedPost = (overrides: Partial<FeedPost> = {}): FeedPost => ({
  title: 'Alluce valgo',
  slug: 'alluce-valgo',
  excerpt: 'Cause e cure.',
  publishedAt: '2026-11-25T14:00:00.000Z',
  updatedAt: '2026-11-26T09:00:00.000Z',
  categories: ['Alluce valgo'],
  author: 'Dott. Marco Ferri',
  ...overrides,
})

const feed = (posts: FeedPost[], extra: { lastBuildDate?: string } = {}) =>
  buildRssFeed({
    siteUrl: SITE_URL,
    clinicName: CLINIC_NAME,
    description: 'Articoli su piede & caviglia',
    posts,
    ...extra,
  })

/** Parses with jsdom's XML parser, failing the test on malformed XML. */
function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}

const text = (parent: Document | Element, tag: string) =>
  parent.getElementsByTagName(tag)[0]?.textContent

describe('buildRssFeed', () => {
  it('writes a well-formed RSS 2.0 channel with a self link', () => {
    const doc = parseXml(feed([feedPost()]))
    const rss = doc.documentElement
    expect(rss.tagName).toBe('rss')
    expect(rss.getAttribute('version')).toBe('2.0')
    const channel = rss.getElementsByTagName('channel')[0] as Element
    expect(text(channel, 'title')).toBe(CLINIC_NAME)
    expect(text(channel, 'link')).toBe(`${SITE_URL}/`)
    expect(text(channel, 'description')).toBe('Articoli su piede & caviglia')
    expect(text(channel, 'language')).toBe('it-IT')
    expect(text(channel, 'lastBuildDate')).toBe('Thu, 26 Nov 2026 09:00:00 GMT')
    const self = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]
    expect(self?.getAttribute('href')).toBe(`${SITE_URL}/feed.xml`)
    expect(self?.getAttribute('rel')).toBe('self')
    expect(self?.getAttribute('type')).toBe('application/rss+xml')
  })

  it('writes each item with absolute link and guid, RFC 822 date, categories and creator', () => {
    const doc = parseXml(feed([feedPost({ categories: ['Alluce valgo', 'Chirurgia del piede'] })]))
    const item = doc.getElementsByTagName('item')[0] as Element
    expect(text(item, 'title')).toBe('Alluce valgo')
    expect(text(item, 'link')).toBe(`${SITE_URL}/blog/alluce-valgo`)
    const guid = item.getElementsByTagName('guid')[0]
    expect(guid?.textContent).toBe(`${SITE_URL}/blog/alluce-valgo`)
    expect(guid?.getAttribute('isPermaLink')).toBe('true')
    expect(text(item, 'pubDate')).toBe('Wed, 25 Nov 2026 14:00:00 GMT')
    expect(text(item, 'description')).toBe('Cause e cure.')
    expect([...item.getElementsByTagName('category')].map((c) => c.textContent)).toEqual([
      'Alluce valgo',
      'Chirurgia del piede',
    ])
    const creator = item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]
    expect(creator?.textContent).toBe('Dott. Marco Ferri')
    expect(item.getElementsByTagName('author')).toHaveLength(0)
  })

  it('escapes markup and quotes in every text', () => {
    const title = 'Piede & caviglia: <b>"tutto"</b> sull\'alluce'
    const xml = feed([
      feedPost({ title, excerpt: 'Meno di <5 giorni & "subito"', categories: ['A & B'] }),
    ])
    expect(xml).toContain(
      '<title>Piede &amp; caviglia: &lt;b&gt;&quot;tutto&quot;&lt;/b&gt; sull&apos;alluce</title>',
    )
    expect(xml).toContain(
      '<description>Meno di &lt;5 giorni &amp; &quot;subito&quot;</description>',
    )
    expect(xml).not.toContain('<b>')
    const item = parseXml(xml).getElementsByTagName('item')[0] as Element
    expect(text(item, 'title')).toBe(title)
    expect(text(item, 'category')).toBe('A & B')
  })

  it('removes characters XML 1.0 forbids but keeps tabs and new lines', () => {
    const xml = feed([
      feedPost({ title: 'Al\u0000lu\u0008ce\u001F\uFFFF valgo', excerpt: 'a\tb\nc' }),
    ])
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFF]/)
    const item = parseXml(xml).getElementsByTagName('item')[0] as Element
    expect(text(item, 'title')).toBe('Alluce valgo')
    expect(text(item, 'description')).toBe('a\tb\nc')
  })

  it('keeps at most FEED_MAX_ITEMS items, newest first', () => {
    const posts = Array.from({ length: 25 }, (_, i) =>
      feedPost({
        slug: `post-${i}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        updatedAt: null,
      }),
    )
    expect(FEED_MAX_ITEMS).toBe(20)
    const items = [...parseXml(feed(posts)).getElementsByTagName('item')]
    expect(items).toHaveLength(20)
    expect(text(items[0] as Element, 'link')).toBe(`${SITE_URL}/blog/post-24`)
    expect(text(items[19] as Element, 'link')).toBe(`${SITE_URL}/blog/post-5`)
  })

  it('leaves out optional elements it cannot fill', () => {
    const xml = feed([
      feedPost({ excerpt: null, author: null, categories: [], publishedAt: null, updatedAt: 'x' }),
    ])
    const item = parseXml(xml).getElementsByTagName('item')[0] as Element
    for (const tag of ['description', 'category', 'pubDate', 'dc:creator']) {
      expect(item.getElementsByTagName(tag)).toHaveLength(0)
    }
    expect(parseXml(xml).getElementsByTagName('lastBuildDate')).toHaveLength(0)
  })

  it('uses the given build date, and writes an empty channel without items', () => {
    const doc = parseXml(feed([], { lastBuildDate: '2026-12-01T00:00:00Z' }))
    expect(text(doc, 'lastBuildDate')).toBe('Tue, 01 Dec 2026 00:00:00 GMT')
    expect(doc.getElementsByTagName('item')).toHaveLength(0)
  })
})

describe('parseXml', () => {
  it('reports malformed XML, so the checks above are not vacuous', () => {
    const doc = new DOMParser().parseFromString('<a><b>&</a>', 'application/xml')
    expect(doc.getElementsByTagName('parsererror').length).toBeGreaterThan(0)
  })
})

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &apos;')
  })

  it('drops lone surrogates but keeps emoji', () => {
    expect(escapeXml('a\uD800b\uDC00c 🦶')).toBe('abc 🦶')
  })
})
