import { SearchEngine, type IndexableDocument } from './engine'
import { Lru } from './lru'
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
  texts: ResultTexts = new ResultTexts(),
  pages: ResultPages = new ResultPages(0),
): Promise<SearchOutcome> {
  const engine = await index.fresh()
  const key = ResultPages.key(engine, terms, page)
  const kept = pages.get(key)
  if (kept) return kept
  const { total, ids, pageCount } = pageOf(engine, terms, page)
  const docs = ids.length > 0 ? await texts.read(engine, source, ids) : []
  const outcome = { total, page, pageCount, results: toResults(ids, docs, terms) }
  pages.set(key, outcome)
  return outcome
}

/** Result pages kept at most: the popular queries' first pages (a few kB each). */
export const RESULT_PAGES_KEPT = 100

/**
 * Whole result pages, kept by the index's revision: a popular query asked again before any
 * change to the published posts gets the same page without ranking every match and building
 * the snippets again. Any publish, edit, unpublish or deletion changes the revision (the index
 * is brought up to date before each query), so a kept page is never stale. Least recently used
 * pages go first.
 */
export class ResultPages extends Lru<string, SearchOutcome> {
  constructor(limit = RESULT_PAGES_KEPT) {
    super(limit)
  }

  static key(engine: Pick<SearchEngine, 'revision'>, terms: readonly string[], page: number) {
    return `${engine.revision}\u0000${page}\u0000${terms.join('\u0001')}`
  }
}

/** Result texts kept at most: the first pages of the common queries (a few MB of plain text). */
export const RESULT_TEXTS_KEPT = 200

/**
 * The shown posts' texts, kept between searches by the version the index holds: a popular
 * query shows the same posts again and again, and reading and converting ten whole bodies was
 * most of its cost. A post edited since is read again (the index, refreshed before each query,
 * then holds its new version); an unpublished or deleted one is no longer among the ids.
 * Least recently used entries go first.
 */
export class ResultTexts {
  private readonly kept: Lru<string, { version: string; doc: ResultDocument }>

  constructor(limit = RESULT_TEXTS_KEPT) {
    this.kept = new Lru(limit)
  }

  async read(
    engine: Pick<SearchEngine, 'versionOf'>,
    source: Pick<SearchSource, 'results'>,
    ids: readonly string[],
  ): Promise<ResultDocument[]> {
    const found: ResultDocument[] = []
    const missing: string[] = []
    for (const id of ids) {
      const entry = this.kept.get(id)
      if (entry && entry.version === engine.versionOf(id)) {
        found.push(entry.doc)
      } else {
        missing.push(id)
      }
    }
    if (missing.length === 0) return found
    for (const doc of await source.results(missing)) {
      const version = engine.versionOf(doc.id)
      if (version !== undefined) this.kept.set(doc.id, { version, doc })
      found.push(doc)
    }
    return found
  }
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
