import { cache } from 'react'

import { getPayloadClient } from '@/lib/payload'
import { loadSearchablePosts } from '@/lib/search/load'
import { searchDocuments, type SearchOutcome } from '@/lib/search/search'

export { loadSearchablePosts }

/**
 * The site search runs in memory: every published post is loaded (title, slug, excerpt,
 * content, date) and ranked in JavaScript. A clinic blog has at most a few hundred posts, so
 * this costs one small query per search and keeps accent- and apostrophe-insensitive matching
 * identical on SQLite and MongoDB, with no search index to build or keep in sync. If the blog
 * grows to thousands of posts, move the matching into the database (a normalised search
 * field filled by a hook, or full-text search) and keep `rankDocuments` for the ordering.
 *
 * `cache` shares the loaded posts within one request (metadata and page render).
 */
const getSearchablePosts = cache(async () => loadSearchablePosts(await getPayloadClient()))

/** Published posts matching every term of `query` (text or terms), best first. */
export async function searchPublishedPosts(
  query: string | readonly string[],
): Promise<SearchOutcome> {
  return searchDocuments(await getSearchablePosts(), query)
}
