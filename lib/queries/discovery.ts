import type { Payload } from 'payload'

import { TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'
import { displayName } from '@/lib/people'

import { summary } from './posts'
import { NEWEST_FIRST, publicRead } from './public-read'
import { tagged } from './tagged'

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

/** The feed's posts, tagged with the posts and the author and category names they carry. */
export const getFeedPosts = (limit: number) =>
  tagged(['feed-posts', limit], [TAGS.posts, TAGS.authors, TAGS.categories], async () =>
    loadFeedPosts(await getPayloadClient(), limit),
  )
