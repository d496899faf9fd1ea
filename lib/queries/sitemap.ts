import type { Payload } from 'payload'

import { TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'
import { authorPath, categoryPath, pagePath, postPath } from '@/lib/paths'
import type { SitemapSource } from '@/lib/seo/sitemap'

import { NEWEST_FIRST, publicRead } from './public-read'
import { tagged } from './tagged'

/*
 * The sitemap, split into child sitemaps for the index at /sitemap.xml. All its URLs form one
 * list, the site's sections (home, blog, booking, pages, categories, authors) then the posts
 * newest first; child `id` holds positions [id × limit, (id + 1) × limit). Posts are read in
 * batches of their slug and dates only, so no request ever loads the whole archive.
 * Published documents only, read as an anonymous visitor (`overrideAccess: false`).
 */

/** The sitemaps.org protocol's limit of URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000
/** Posts read per query while building a child sitemap. */
export const SITEMAP_BATCH = 1_000

export type SitemapOptions = { limit?: number; batch?: number }

const read = { ...publicRead, depth: 0 } as const

/** Every entry before the posts: a few hundred at most, so read whole. */
async function loadSections(payload: Payload): Promise<SitemapSource[]> {
  const [newest, pages, categories, authors] = await Promise.all([
    payload.find({
      ...read,
      collection: 'posts',
      sort: NEWEST_FIRST,
      limit: 1,
      select: { updatedAt: true },
    }),
    payload.find({
      ...read,
      collection: 'pages',
      pagination: false,
      select: { slug: true, updatedAt: true, meta: { noindex: true } },
    }),
    payload.find({
      ...read,
      collection: 'categories',
      pagination: false,
      select: { slug: true, updatedAt: true },
    }),
    payload.find({
      ...read,
      collection: 'authors',
      pagination: false,
      select: { slug: true, updatedAt: true },
    }),
  ])
  const newestPost = newest.docs[0]?.updatedAt
  return [
    { path: '/', updatedAt: newestPost },
    { path: '/blog', updatedAt: newestPost },
    { path: '/prenota' },
    ...pages.docs
      .filter((page) => !page.meta?.noindex)
      .map((page) => ({ path: pagePath(page.slug), updatedAt: page.updatedAt })),
    ...categories.docs.map((category) => ({
      path: categoryPath(category.slug),
      updatedAt: category.updatedAt,
    })),
    ...authors.docs.map((author) => ({
      path: authorPath(author.slug),
      updatedAt: author.updatedAt,
    })),
  ]
}

const countPosts = async (payload: Payload) =>
  (await payload.count({ collection: 'posts', overrideAccess: false })).totalDocs

/** Posts at positions [from, to) of the newest-first order, `batch` per query. */
async function loadPostRange(
  payload: Payload,
  from: number,
  to: number,
  batch: number,
): Promise<SitemapSource[]> {
  const sources: SitemapSource[] = []
  for (let page = Math.floor(from / batch) + 1; (page - 1) * batch < to; page++) {
    const { docs } = await payload.find({
      ...read,
      collection: 'posts',
      sort: NEWEST_FIRST,
      page,
      limit: batch,
      select: { slug: true, updatedAt: true, lastReviewedAt: true, meta: { noindex: true } },
    })
    const first = (page - 1) * batch
    docs.forEach((post, index) => {
      const position = first + index
      if (position < from || position >= to) return
      sources.push({
        path: postPath(post.slug),
        updatedAt: post.updatedAt,
        lastReviewedAt: post.lastReviewedAt,
        noindex: post.meta?.noindex,
      })
    })
    if (docs.length < batch) break
  }
  return sources
}

/** Ids of the child sitemaps: 0, 1, … as many as `limit` URLs each need (at least one). */
export async function loadSitemapIds(
  payload: Payload,
  { limit = SITEMAP_URL_LIMIT }: SitemapOptions = {},
): Promise<number[]> {
  const [sections, posts] = await Promise.all([loadSections(payload), countPosts(payload)])
  const children = Math.max(1, Math.ceil((sections.length + posts) / limit))
  return Array.from({ length: children }, (_, id) => id)
}

/** The sources of child sitemap `id` (at most `limit`), or null when there is no such child. */
export async function loadSitemapChild(
  payload: Payload,
  id: number,
  { limit = SITEMAP_URL_LIMIT, batch = SITEMAP_BATCH }: SitemapOptions = {},
): Promise<SitemapSource[] | null> {
  if (!Number.isInteger(id) || id < 0) return null
  const sections = await loadSections(payload)
  const from = id * limit
  const to = from + limit
  const fromSections = sections.slice(from, to)
  const posts = await loadPostRange(
    payload,
    Math.max(0, from - sections.length),
    to - sections.length,
    batch,
  )
  const sources = [...fromSections, ...posts]
  // Child 0 always exists (the home page); a later one only while there are posts for it.
  return id === 0 || sources.length > 0 ? sources : null
}

// Section entries show the newest post's date and the page, category and author lists.
const SITEMAP_TAGS = [TAGS.posts, TAGS.pages, TAGS.categories, TAGS.authors]

export const getSitemapIds = () =>
  tagged(['sitemap-ids'], SITEMAP_TAGS, async () => loadSitemapIds(await getPayloadClient()))

export const getSitemapChild = (id: number) =>
  tagged(['sitemap-child', id], SITEMAP_TAGS, async () =>
    loadSitemapChild(await getPayloadClient(), id),
  )
