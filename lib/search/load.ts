import type { Payload } from 'payload'

import { NEWEST_FIRST } from '@/lib/queries/public-read'
import { lexicalToPlainText } from '@/lib/text-import'

import type { SearchableDocument } from './rank'

/** A published post as the search sees it: plain-text body, nothing else. */
export type SearchablePost = SearchableDocument & {
  id: string
  excerpt: string | null
  publishedAt: string | null
}

/**
 * Safety cap on the posts loaded per search. A clinic blog has at most a few hundred posts;
 * past this, move the search into the database (see lib/queries/search.ts).
 */
export const MAX_SEARCHABLE_POSTS = 1000

/**
 * Every PUBLISHED post, with its body as plain text. Runs as the public: `overrideAccess:
 * false` with no user applies the collection's read access (published only) and
 * `draft: false` reads the published version, so drafts (new posts or unpublished edits of
 * published ones) can never appear. Takes the Payload instance, so tests can call it on their
 * own instance without loading `@payload-config` through `@/lib/payload`.
 */
export async function loadSearchablePosts(payload: Payload): Promise<SearchablePost[]> {
  const { docs } = await payload.find({
    collection: 'posts',
    overrideAccess: false,
    draft: false,
    depth: 0,
    pagination: false,
    limit: MAX_SEARCHABLE_POSTS,
    sort: NEWEST_FIRST,
    select: { title: true, slug: true, excerpt: true, content: true, publishedAt: true },
  })
  return docs.map((doc) => ({
    id: doc.id,
    title: doc.title,
    slug: doc.slug,
    excerpt: doc.excerpt ?? null,
    body: doc.content ? lexicalToPlainText(doc.content) : '',
    publishedAt: doc.publishedAt ?? null,
  }))
}
