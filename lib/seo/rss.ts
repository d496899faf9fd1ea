import { postPath } from '@/lib/paths'
import { absoluteUrl } from './url'

/** Items in `/feed.xml`: callers pass the latest posts, anything beyond this is cut. */
export const FEED_MAX_ITEMS = 20

export type FeedPost = {
  title: string
  slug: string
  excerpt?: string | null
  publishedAt?: string | Date | null
  updatedAt?: string | Date | null
  /** Category titles. */
  categories: readonly string[]
  /** Display name, e.g. "Dott. Marco Ferri". */
  author?: string | null
}

export type RssFeedInput = {
  /** Absolute site URL without trailing slash. */
  siteUrl: string
  clinicName: string
  description: string
  posts: readonly FeedPost[]
  /** Defaults to the most recent publication or update among the posts. */
  lastBuildDate?: string | Date
}

/** Characters XML 1.0 forbids: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text safe inside an XML element or attribute. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** RFC 822 date as RSS 2.0 wants it, e.g. `Wed, 25 Nov 2026 14:00:00 GMT`. */
export const rfc822 = (date: Date): string => date.toUTCString()

const element = (name: string, text: string | null | undefined, indent: string) =>
  text?.trim() ? `${indent}<${name}>${escapeXml(text.trim())}</${name}>` : null

/** Publication date of an item (its update date when it has none); 0 when unknown. */
const itemTime = (post: FeedPost) =>
  (toDate(post.publishedAt) ?? toDate(post.updatedAt))?.getTime() ?? 0

function item(post: FeedPost, siteUrl: string): string {
  const url = escapeXml(absoluteUrl(postPath(post.slug), siteUrl))
  const published = toDate(post.publishedAt) ?? toDate(post.updatedAt)
  const lines = [
    element('title', post.title, '      '),
    `      <link>${url}</link>`,
    `      <guid isPermaLink="true">${url}</guid>`,
    published ? `      <pubDate>${rfc822(published)}</pubDate>` : null,
    element('description', post.excerpt, '      '),
    ...post.categories.map((category) => element('category', category, '      ')),
    element('dc:creator', post.author, '      '),
  ]
  return ['    <item>', ...lines.filter((line) => line !== null), '    </item>'].join('\n')
}

/**
 * RSS 2.0 for `/feed.xml`, newest first and at most FEED_MAX_ITEMS items. Authors go in
 * `<dc:creator>`, since RSS's own `<author>` must be an e-mail address.
 */
export function buildRssFeed({
  siteUrl,
  clinicName,
  description,
  posts,
  lastBuildDate,
}: RssFeedInput): string {
  const items = [...posts].sort((a, b) => itemTime(b) - itemTime(a)).slice(0, FEED_MAX_ITEMS)
  const latest = items
    .flatMap((post) => [toDate(post.publishedAt), toDate(post.updatedAt)])
    .reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null)
  const built = toDate(lastBuildDate) ?? latest
  const indent = '    '
  const channel = [
    `${indent}<title>${escapeXml(clinicName.trim())}</title>`,
    `${indent}<link>${escapeXml(`${siteUrl}/`)}</link>`,
    `${indent}<description>${escapeXml(description.trim())}</description>`,
    `${indent}<language>it-IT</language>`,
    built ? `${indent}<lastBuildDate>${rfc822(built)}</lastBuildDate>` : null,
    `${indent}<atom:link href="${escapeXml(`${siteUrl}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    ...items.map((post) => item(post, siteUrl)),
  ].filter((line) => line !== null)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    ...channel,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}
