import { cache } from 'react'

import type { Post } from '@/payload-types'
import { getPayloadClient } from '@/lib/payload'

/**
 * Public reads of posts. Every query runs with `overrideAccess: false` and no user, so
 * access control limits it to published documents: drafts can never leak from here.
 */
const publicRead = { overrideAccess: false, draft: false } as const

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

export const getPublishedPosts = cache(async ({ page = 1, limit = 12 } = {}) => {
  const payload = await getPayloadClient()
  return payload.find({
    ...publicRead,
    collection: 'posts',
    sort: '-publishedAt',
    page,
    limit,
    depth: 1,
    select: {
      title: true,
      slug: true,
      excerpt: true,
      heroImage: true,
      publishedAt: true,
      updatedAt: true,
      author: true,
      categories: true,
    },
  })
})

export const getPublishedSlugs = cache(async (): Promise<string[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection: 'posts',
    limit: 1000,
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  return docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
})
