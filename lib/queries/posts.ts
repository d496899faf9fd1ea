import { cache } from 'react'
import type { Where } from 'payload'

import type { Author, Category, Post } from '@/payload-types'
import { selectRelatedPosts } from '@/lib/article/related'
import { categoryTag, postTag, authorTag, TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'
import { populated, relationId } from '@/lib/people'

import { NEWEST_FIRST, publicRead } from './public-read'
import { tagged } from './tagged'

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
  tagged(['published-posts', page, limit], [TAGS.posts], () => listPosts({ page, limit })),
)

export const getPostsInCategory = cache((category: Pick<Category, 'id' | 'slug'>) =>
  tagged(['posts-in-category', category.id], [categoryTag(category.slug)], () =>
    listPosts({ where: { categories: { in: [category.id] } }, limit: 100 }),
  ),
)

/** Posts an author wrote or medically reviewed. */
export const getPostsByAuthor = cache((author: Pick<Author, 'id' | 'slug'>) =>
  tagged(['posts-by-author', author.id], [authorTag(author.slug)], () =>
    listPosts({
      where: { or: [{ author: { equals: author.id } }, { reviewedBy: { equals: author.id } }] },
      limit: 100,
    }),
  ),
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

/** Every published slug, for `generateStaticParams` (build time only: not cached). */
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
