import { cache } from 'react'
import type { Where } from 'payload'

import type { Author, Category } from '@/payload-types'
import { authorTag, categoryTag, TAGS } from '@/lib/cache-tags'

import { listPosts, POSTS_PER_PAGE, type PostSummary } from './posts'
import { tagged } from './tagged'

/*
 * The paginated public listings (`/blog`, a category's and an author's pages), one helper for
 * all three: they differ only in their filter and in the cache tag a publish expires.
 */

/** Which posts a listing shows. */
export type PostListing =
  | { kind: 'all' }
  | { kind: 'category'; category: Pick<Category, 'id' | 'slug'> }
  | { kind: 'author'; author: Pick<Author, 'id' | 'slug'> }

export const ALL_POSTS: PostListing = { kind: 'all' }

export type ListingPage = {
  docs: PostSummary[]
  page: number
  totalPages: number
  totalDocs: number
}

/**
 * A page number as it appears in a URL: canonical digits only ("2", not "02", "2.0" or "+2"),
 * at most five of them. Anything else is not a page (404).
 */
export function parsePageNumber(raw: string): number | null {
  return /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : null
}

function whereOf(listing: PostListing): Where | undefined {
  switch (listing.kind) {
    case 'all':
      return undefined
    case 'category':
      return { categories: { in: [listing.category.id] } }
    case 'author':
      // Posts the author wrote or medically reviewed.
      return {
        or: [
          { author: { equals: listing.author.id } },
          { reviewedBy: { equals: listing.author.id } },
        ],
      }
  }
}

/** What a publish expires: any post for `/blog`, a post of that category or author otherwise. */
function tagsOf(listing: PostListing): string[] {
  switch (listing.kind) {
    case 'all':
      return [TAGS.posts]
    case 'category':
      return [categoryTag(listing.category.slug)]
    case 'author':
      return [authorTag(listing.author.slug)]
  }
}

const keyOf = (listing: PostListing): string[] => {
  switch (listing.kind) {
    case 'all':
      return ['all']
    case 'category':
      return ['category', listing.category.id]
    case 'author':
      return ['author', listing.author.id]
  }
}

/**
 * One page of a listing, newest first, published posts only; `null` past the last page (the
 * page answers 404). Page 1 always exists, empty when nothing is published yet.
 */
export const getListingPage = cache(
  (listing: PostListing, page: number, perPage: number = POSTS_PER_PAGE) =>
    tagged(
      ['listing-page', ...keyOf(listing), page, perPage],
      tagsOf(listing),
      async (): Promise<ListingPage | null> => {
        const found = await listPosts({ where: whereOf(listing), page, limit: perPage })
        const totalPages = Math.max(1, found.totalPages)
        if (page > totalPages) return null
        return { docs: found.docs, page, totalPages, totalDocs: found.totalDocs }
      },
    ),
)
