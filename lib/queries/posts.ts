import { cache } from 'react'
import type { Where } from 'payload'

import type { Post } from '@/payload-types'
import { selectRelatedPosts } from '@/lib/article/related'
import { getPayloadClient } from '@/lib/payload'
import { relationId } from '@/lib/people'

import { NEWEST_FIRST, publicRead } from './public-read'

/* Public reads of posts: every query spreads `publicRead`, so drafts can never leak from here. */

export const POSTS_PER_PAGE = 12

/** The fields a post card or a listing needs. */
export const summary = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  categories: true,
} as const

export type PostSummary = Pick<
  Post,
  'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'updatedAt' | 'categories'
>

export const getPostBySlug = cache(async (slug: string): Promise<Post | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: 'posts',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 2,
  })
  return docs[0] ?? null
})

const listPosts = async ({
  where,
  page = 1,
  limit = POSTS_PER_PAGE,
}: {
  where?: Where
  page?: number
  limit?: number
}) => {
  const payload = await getPayloadClient()
  return payload.find({
    ...publicRead,
    collection: 'posts',
    where,
    sort: NEWEST_FIRST,
    page,
    limit,
    depth: 0,
    select: summary,
  })
}

export const getPublishedPosts = cache((page: number = 1, limit: number = POSTS_PER_PAGE) =>
  listPosts({ page, limit }),
)

export const getPostsInCategory = cache((categoryId: string, page: number = 1) =>
  listPosts({ where: { categories: { in: [categoryId] } }, page, limit: 100 }),
)

/** Posts an author wrote or medically reviewed. */
export const getPostsByAuthor = cache((authorId: string) =>
  listPosts({
    where: { or: [{ author: { equals: authorId } }, { reviewedBy: { equals: authorId } }] },
    limit: 100,
  }),
)

/** The home page's lead article: the newest pinned one, otherwise the newest. */
export const getFeaturedPost = cache(async (): Promise<PostSummary | null> => {
  const pinned = await listPosts({ where: { pinned: { equals: true } }, limit: 1 })
  if (pinned.docs[0]) return pinned.docs[0]
  return (await listPosts({ limit: 1 })).docs[0] ?? null
})

const idOf = (value: string | { id: string }) => relationId(value)!

export const getRelatedPosts = cache(async (post: Post): Promise<PostSummary[]> => {
  const handPickedIds = (post.relatedPosts ?? []).map(idOf)
  const categoryIds = (post.categories ?? []).map(idOf)
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
})

export const getPublishedSlugs = cache(async (): Promise<string[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: 'posts',
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  return docs.map((doc) => doc.slug)
})
