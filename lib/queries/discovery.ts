import type { Payload } from 'payload'

import { TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'
import { authorPath, categoryPath, pagePath, postPath } from '@/lib/paths'
import { displayName } from '@/lib/people'
import type { SitemapSource } from '@/lib/seo/sitemap'

import { summary } from './posts'
import { NEWEST_FIRST, publicRead } from './public-read'
import { tagged } from './tagged'

/**
 * What the sitemap and the feed list: published documents only (read as an anonymous visitor,
 * `overrideAccess: false`). Takes a Payload instance so integration tests can call it directly.
 */
export async function loadSitemapSources(payload: Payload): Promise<SitemapSource[]> {
  const read = { ...publicRead, pagination: false, depth: 0 } as const
  const [posts, pages, categories, authors] = await Promise.all([
    payload.find({
      ...read,
      collection: 'posts',
      sort: NEWEST_FIRST,
      select: { slug: true, updatedAt: true, lastReviewedAt: true, meta: { noindex: true } },
    }),
    payload.find({
      ...read,
      collection: 'pages',
      select: { slug: true, updatedAt: true, meta: { noindex: true } },
    }),
    payload.find({
      ...read,
      collection: 'categories',
      select: { slug: true, updatedAt: true },
    }),
    payload.find({ ...read, collection: 'authors', select: { slug: true, updatedAt: true } }),
  ])
  const newestPost = posts.docs[0]
  return [
    { path: '/', updatedAt: newestPost?.updatedAt },
    { path: '/blog', updatedAt: newestPost?.updatedAt },
    { path: '/prenota' },
    ...posts.docs.map((post) => ({
      path: postPath(post.slug),
      updatedAt: post.updatedAt,
      lastReviewedAt: post.lastReviewedAt,
      noindex: post.meta?.noindex,
    })),
    ...pages.docs.map((page) => ({
      path: pagePath(page.slug),
      updatedAt: page.updatedAt,
      noindex: page.meta?.noindex,
    })),
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

/** The newest published posts for the RSS feed, with author and category names. */
export async function loadFeedPosts(payload: Payload, limit: number) {
  const { docs } = await payload.find({
    ...publicRead,
    collection: 'posts',
    sort: NEWEST_FIRST,
    limit,
    depth: 1,
    select: { ...summary, author: true, meta: { noindex: true } },
  })
  return docs
    .filter((post) => !post.meta?.noindex)
    .map((post) => ({
      title: post.title,
      slug: post.slug,
      excerpt: post.excerpt,
      publishedAt: post.publishedAt,
      updatedAt: post.updatedAt,
      categories: (post.categories ?? []).flatMap((c) => (typeof c === 'object' ? [c.title] : [])),
      author: typeof post.author === 'object' && post.author ? displayName(post.author) : null,
    }))
}

/** The sitemap's sources, tagged with every collection it lists. */
export const getSitemapSources = () =>
  tagged(['sitemap-sources'], [TAGS.posts, TAGS.pages, TAGS.categories, TAGS.authors], async () =>
    loadSitemapSources(await getPayloadClient()),
  )

/** The feed's posts, tagged with the posts and the author and category names they carry. */
export const getFeedPosts = (limit: number) =>
  tagged(['feed-posts', limit], [TAGS.posts, TAGS.authors, TAGS.categories], async () =>
    loadFeedPosts(await getPayloadClient(), limit),
  )
