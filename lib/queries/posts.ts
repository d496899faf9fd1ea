import { cache } from 'react'
import type { Where } from 'payload'

import type { Category, Post } from '@/payload-types'
import { readingMinutes } from '@/lib/article/reading-time'
import { selectRelatedPosts } from '@/lib/article/related'
import { categoryTag, postTag, TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'
import { populated, relationId } from '@/lib/people'
import { lexicalToPlainText } from '@/lib/text-import'

import { NEWEST_FIRST, publicRead } from './public-read'
import { tagged } from './tagged'

/* Public reads of posts: every query spreads `publicRead`, so drafts can never leak from here. */

export const POSTS_PER_PAGE = 12

/** The fields a post card or a listing needs (the body only to count its words). */
export const summary = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  categories: true,
  heroImage: true,
  content: true,
} as const

/** What a card shows of the hero image and the categories it populates. */
const summaryPopulate = {
  media: { url: true, filename: true, alt: true, width: true, height: true, mimeType: true },
  categories: { title: true, slug: true },
} as const

export type PostSummary = Pick<
  Post,
  'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'updatedAt' | 'categories' | 'heroImage'
> & { readingMinutes: number }

/** A listed post without its body: only the reading time is kept of it (cached lists stay small). */
export function toSummary({
  content,
  ...post
}: Omit<PostSummary, 'readingMinutes'> & Pick<Post, 'content'>): PostSummary {
  return { ...post, readingMinutes: readingMinutes(lexicalToPlainText(content)) }
}

export const getPostBySlug = cache((slug: string) =>
  tagged(['post-by-slug', slug], [postTag(slug)], async (): Promise<Post | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...publicRead,
      collection: 'posts',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 2,
    })
    return docs[0] ?? null
  }),
)

/** Published posts as summaries, newest first: the one query under every listing. */
export const listPosts = async ({
  where,
  page = 1,
  limit = POSTS_PER_PAGE,
}: {
  where?: Where
  page?: number
  limit?: number
}) => {
  const payload = await getPayloadClient()
  const result = await payload.find({
    ...publicRead,
    collection: 'posts',
    where,
    sort: NEWEST_FIRST,
    page,
    limit,
    depth: 1,
    select: summary,
    populate: summaryPopulate,
  })
  return { ...result, docs: result.docs.map(toSummary) }
}

export const getPublishedPosts = cache((page: number = 1, limit: number = POSTS_PER_PAGE) =>
  tagged(['published-posts', page, limit], [TAGS.posts], () => listPosts({ page, limit })),
)

/** The home page's lead article: the newest pinned one, otherwise the newest. */
export const getFeaturedPost = cache(() =>
  tagged(['featured-post'], [TAGS.posts], async (): Promise<PostSummary | null> => {
    const pinned = await listPosts({ where: { pinned: { equals: true } }, limit: 1 })
    if (pinned.docs[0]) return pinned.docs[0]
    return (await listPosts({ limit: 1 })).docs[0] ?? null
  }),
)

const idOf = (value: string | { id: string }) => relationId(value)!

/**
 * Hand-picked posts first, then posts sharing a category. Tagged with the article and its
 * categories: a post published, changed or withdrawn in one of them changes this list, and a
 * hand-picked post's change revalidates the article that picks it (see lib/revalidate.ts).
 * `post` comes from `getPostBySlug`, with its categories populated.
 */
export const getRelatedPosts = cache((post: Post) => {
  const handPickedIds = (post.relatedPosts ?? []).map(idOf)
  const categories = post.categories ?? []
  const categoryIds = categories.map(idOf)
  const tags = [
    postTag(post.slug),
    ...categories.flatMap((c) => {
      const category = populated<Category>(c)
      return category ? [categoryTag(category.slug)] : []
    }),
  ]
  return tagged(
    ['related-posts', post.id, handPickedIds.join(','), categoryIds.join(',')],
    tags,
    async (): Promise<PostSummary[]> => {
      const { docs } = await listPosts({
        where: {
          or: [{ id: { in: handPickedIds } }, { categories: { in: categoryIds } }],
        },
        limit: 50,
      })
      return selectRelatedPosts({
        article: { id: post.id, categoryIds },
        handPickedIds,
        published: docs.map((doc) => ({ ...doc, categoryIds: (doc.categories ?? []).map(idOf) })),
      })
    },
  )
})

/**
 * How many of the newest articles `next build` prerenders: the rest render on their first
 * request and are cached from then on, so the build does not grow with the archive. Few are
 * enough: the page cache starts empty at every start (lib/cache), so a build's prerenders are
 * never served; they only prove at build time that the newest pages render.
 */
export const PRERENDERED_POSTS = 10

/** Slugs of the newest published posts, for `generateStaticParams` (build time only: not cached). */
export async function getNewestSlugs(limit: number = PRERENDERED_POSTS): Promise<string[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: 'posts',
    sort: NEWEST_FIRST,
    limit,
    depth: 0,
    select: { slug: true },
  })
  return docs.map((doc) => doc.slug)
}
