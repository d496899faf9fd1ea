import { cache } from 'react'

import type { Author, Category, Page } from '@/payload-types'
import { authorTag, categoryTag, pageTag, TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'

import { publicRead } from './public-read'
import { tagged } from './tagged'

const TAG_OF = { categories: categoryTag, authors: authorTag, pages: pageTag } as const

const findBySlug = <T>(collection: 'categories' | 'authors' | 'pages', slug: string) =>
  tagged([`${collection}-by-slug`, slug], [TAG_OF[collection](slug)], async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...publicRead,
      collection,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 1,
    })
    return (docs[0] as T | undefined) ?? null
  })

export const getCategoryBySlug = cache((slug: string) => findBySlug<Category>('categories', slug))
export const getAuthorBySlug = cache((slug: string) => findBySlug<Author>('authors', slug))
export const getPageBySlug = cache((slug: string) => findBySlug<Page>('pages', slug))

export const getCategories = cache(() =>
  tagged(['categories'], [TAGS.categories], async (): Promise<Category[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...publicRead,
      collection: 'categories',
      sort: 'title',
      pagination: false,
      depth: 0,
    })
    return docs
  }),
)

/** Every public slug of a collection, for `generateStaticParams` (build time only: not cached). */
export const getSlugs = cache(async (collection: 'categories' | 'authors' | 'pages') => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    ...publicRead,
    collection,
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  return docs.map((doc) => doc.slug)
})
