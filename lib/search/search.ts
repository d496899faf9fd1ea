import { SearchEngine, type IndexableDocument } from './engine'
import { tokenizeQuery } from './normalize'
import { buildResultSnippet, type SnippetSegment } from './snippet'
import type { ResultDocument, SearchSource } from './source'
import type { SearchIndex } from './sync'

/** Results per page of /cerca. */
export const PAGE_SIZE = 10

export type SearchResult = {
  id: string
  title: string
  slug: string
  publishedAt: string | null
  snippet: SnippetSegment[]
}

export type SearchOutcome = {
  /** Every matching post: exact, whatever the size of the archive. */
  total: number
  /** The page asked for (1-based) and how many pages the results fill. */
  page: number
  pageCount: number
  results: SearchResult[]
}

function pageOf(engine: SearchEngine, terms: readonly string[], page: number) {
  const { total, ids } = engine.search(terms, (page - 1) * PAGE_SIZE, PAGE_SIZE)
  return { total, ids, pageCount: Math.ceil(total / PAGE_SIZE) }
}

function toResults(
  ids: readonly string[],
  docs: readonly ResultDocument[],
  terms: readonly string[],
): SearchResult[] {
  const byId = new Map(docs.map((doc) => [doc.id, doc]))
  // In the index's order; a post unpublished since the index answered is simply left out.
  return ids.flatMap((id) => {
    const doc = byId.get(id)
    if (!doc) return []
    return [
      {
        id: doc.id,
        title: doc.title,
        slug: doc.slug,
        publishedAt: doc.publishedAt,
        snippet: buildResultSnippet(doc, terms),
      },
    ]
  })
}

/**
 * One page of published posts matching every term, ranked by the index (kept fresh first),
 * with highlighted snippets built from those posts' text, read by id: the only text a search
 * reads. A page past the end has no results (and `page > pageCount`).
 */
export async function searchPublished(
  index: SearchIndex,
  source: Pick<SearchSource, 'results'>,
  terms: readonly string[],
  page = 1,
): Promise<SearchOutcome> {
  const engine = await index.fresh()
  const { total, ids, pageCount } = pageOf(engine, terms, page)
  const results = ids.length > 0 ? toResults(ids, await source.results(ids), terms) : []
  return { total, page, pageCount, results }
}

/** The same search over documents in hand (no database): for previews and tests. */
export function searchDocuments(
  docs: readonly ResultDocument[],
  query: string | readonly string[],
  page = 1,
): SearchOutcome {
  const terms = typeof query === 'string' ? tokenizeQuery(query) : query
  const engine = new SearchEngine()
  for (const doc of docs) {
    const indexable: IndexableDocument = {
      id: doc.id,
      title: doc.title,
      summary: doc.excerpt ?? '',
      body: doc.body,
      publishedAt: doc.publishedAt,
      updatedAt: '',
    }
    engine.upsert(indexable)
  }
  const { total, ids, pageCount } = pageOf(engine, terms, page)
  return { total, page, pageCount, results: toResults(ids, docs, terms) }
}
