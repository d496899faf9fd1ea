import { tokenizeQuery } from './normalize'
import { rankDocuments, type SearchableDocument } from './rank'
import { buildResultSnippet, type SnippetSegment } from './snippet'

/** Results shown per search: enough for any real query on a clinic blog. */
export const MAX_RESULTS = 50

export type SearchResult = {
  id: string
  title: string
  slug: string
  publishedAt: string | null
  score: number
  snippet: SnippetSegment[]
}

export type SearchOutcome = {
  /** Every matching document, including those past `MAX_RESULTS`. */
  total: number
  results: SearchResult[]
}

/** Ranks `docs` for the query and builds each shown result's highlighted snippet. */
export function searchDocuments(
  docs: readonly SearchableDocument[],
  query: string | readonly string[],
  limit: number = MAX_RESULTS,
): SearchOutcome {
  const terms = typeof query === 'string' ? tokenizeQuery(query) : query
  const matches = rankDocuments(docs, terms)
  return {
    total: matches.length,
    results: matches.slice(0, limit).map(({ doc, score }) => ({
      id: doc.id,
      title: doc.title,
      slug: doc.slug,
      publishedAt: doc.publishedAt ?? null,
      score,
      snippet: buildResultSnippet(doc, terms),
    })),
  }
}
