import { getPayloadClient } from '@/lib/payload'
import { ResultPages, ResultTexts, searchPublished, type SearchOutcome } from '@/lib/search/search'
import { payloadSearchSource, type SearchSource } from '@/lib/search/source'
import { createSearchIndex, type SearchIndex } from '@/lib/search/sync'

type SiteSearch = {
  source: SearchSource
  index: SearchIndex
  texts: ResultTexts
  pages: ResultPages
}

// One index per process, kept on globalThis: Next may load this module in more than one bundle,
// and a second copy of the index would double its memory.
const KEY = Symbol.for('clinica-blog.site-search')
const registry = globalThis as typeof globalThis & { [KEY]?: SiteSearch }

function siteSearch(): SiteSearch {
  if (!registry[KEY]) {
    const source = payloadSearchSource(getPayloadClient)
    registry[KEY] = {
      source,
      index: createSearchIndex(source),
      texts: new ResultTexts(),
      pages: new ResultPages(),
    }
  }
  return registry[KEY]
}

/**
 * The site search: an in-memory index of the published posts (lib/search/engine.ts), brought
 * up to date before each query from the database (lib/search/sync.ts), then one read of the
 * shown page's posts for their snippets; a page asked again before any change is kept whole.
 * `terms` come from `parseSearchQuery`.
 */
export async function searchPublishedPosts(
  terms: readonly string[],
  page = 1,
): Promise<SearchOutcome> {
  const { index, source, texts, pages } = siteSearch()
  return searchPublished(index, source, terms, page, texts, pages)
}
