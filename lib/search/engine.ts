import { Index } from 'flexsearch'

import { MIN_TERM_LENGTH, normalizeForSearch } from './normalize'

/** A published post as the index takes it: plain text only, nothing rendered. */
export type IndexableDocument = {
  id: string
  title: string
  /** The excerpt and the headings: words there rank a post above body-only matches. */
  summary: string
  body: string
  publishedAt: string | null
  /** The version indexed: a sync re-reads a post only when this changes. */
  updatedAt: string
}

/** One page of ranked matches and the exact number of all of them. */
export type EngineResult = { total: number; ids: string[] }

/** A query term this long or longer also matches the words it begins ("osteotom" → osteotomie). */
export const MIN_PREFIX_LENGTH = 4
/** At most this many indexed words stand for one prefix (the alphabetically first ones). */
export const MAX_PREFIX_WORDS = 50

/** The distinct index terms of a text: the site's Italian folding, one-letter words dropped. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>()
  for (const term of normalizeForSearch(text).split(' ')) {
    if (term.length >= MIN_TERM_LENGTH) terms.add(term)
  }
  return [...terms]
}

// Whole words ("strict"), one score slot and no contexts: the smallest index FlexSearch keeps
// (about 30 MB with its bookkeeping for 10,000 copies of the seeded article), since the ranking
// below is ours. Texts reach it already folded and deduplicated, so its encoder only splits on
// the spaces we put there.
const INDEX_OPTIONS = {
  tokenize: 'strict',
  resolution: 1,
  context: false,
  fastupdate: false,
  cache: false,
  encode: (text: string) => (text === '' ? [] : text.split(' ')),
} as const

type Entry = { id: string; publishedAt: number; updatedAt: string }

/**
 * The in-memory full-text index of the published posts. Documents are FlexSearch entries under
 * small integer ordinals (compact, reused after removals); ranking is ours: posts with more of
 * the query's terms in the title first, then more in the excerpt or headings, then newest.
 * Every term must occur somewhere (title, summary or body).
 */
export class SearchEngine {
  private readonly all = new Index(INDEX_OPTIONS)
  private readonly title = new Index(INDEX_OPTIONS)
  private readonly summary = new Index(INDEX_OPTIONS)
  private readonly ordinals = new Map<string, number>()
  private readonly entries: (Entry | undefined)[] = []
  private readonly freeOrdinals: number[] = []
  // Every word ever indexed (removals leave theirs: they then simply match nothing), for
  // expanding prefixes; sorted lazily after changes.
  private readonly vocabulary = new Set<string>()
  private sortedVocabulary: string[] | undefined
  private order: number[] | undefined
  // Shared by every engine, so that two engines never report the same revision.
  private static clock = 0
  private stamp = ++SearchEngine.clock

  /** Changes with every upsert and removal, and differs between engines: a cache key. */
  get revision(): number {
    return this.stamp
  }

  get size(): number {
    return this.ordinals.size
  }

  /** The indexed version of a post, or undefined when it is not indexed. */
  versionOf(id: string): string | undefined {
    const ordinal = this.ordinals.get(id)
    return ordinal === undefined ? undefined : this.entries[ordinal]?.updatedAt
  }

  ids(): IterableIterator<string> {
    return this.ordinals.keys()
  }

  /** Adds a post, or replaces its indexed version. */
  upsert(doc: IndexableDocument): void {
    this.remove(doc.id)
    const ordinal = this.freeOrdinals.pop() ?? this.entries.length
    const title = indexTerms(doc.title)
    const summary = indexTerms(doc.summary)
    const all = new Set([...title, ...summary, ...indexTerms(doc.body)])
    for (const term of all) {
      if (!this.vocabulary.has(term)) {
        this.vocabulary.add(term)
        this.sortedVocabulary = undefined
      }
    }
    this.all.add(ordinal, [...all].join(' '))
    if (title.length > 0) this.title.add(ordinal, title.join(' '))
    if (summary.length > 0) this.summary.add(ordinal, summary.join(' '))
    const published = doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NaN
    this.entries[ordinal] = {
      id: doc.id,
      publishedAt: Number.isNaN(published) ? 0 : published,
      updatedAt: doc.updatedAt,
    }
    this.ordinals.set(doc.id, ordinal)
    this.order = undefined
    this.stamp = ++SearchEngine.clock
  }

  remove(id: string): void {
    const ordinal = this.ordinals.get(id)
    if (ordinal === undefined) return
    this.all.remove(ordinal)
    this.title.remove(ordinal)
    this.summary.remove(ordinal)
    this.entries[ordinal] = undefined
    this.ordinals.delete(id)
    this.freeOrdinals.push(ordinal)
    this.order = undefined
    this.stamp = ++SearchEngine.clock
  }

  /**
   * The posts containing every term (each term, or a word it begins, anywhere in the post),
   * ranked; `total` counts them all, `ids` is the page `[offset, offset + limit)`. Linear in
   * the matches, with no comparison sort: flags in typed arrays, then one walk of the posts in
   * newest-first order dealing each match into its weight's bucket.
   */
  search(terms: readonly string[], offset: number, limit: number): EngineResult {
    if (terms.length === 0 || this.size === 0) return { total: 0, ids: [] }
    const slots = this.entries.length
    // matched[o] = how many groups (terms) so far matched post o, counting each group once.
    const matched = new Uint8Array(slots)
    // Weight: 9 per term in the title, 1 per term in the summary (at most 8 terms: 80).
    const weight = new Uint8Array(slots)
    const inTitle = new Uint8Array(slots)
    const inSummary = new Uint8Array(slots)
    for (const [group, term] of terms.entries()) {
      const words = this.wordsFor(term)
      const stamp = group + 1
      for (const word of words) {
        for (const ordinal of this.find(this.all, word)) {
          if (matched[ordinal] === group) matched[ordinal] = stamp
        }
        for (const ordinal of this.find(this.title, word)) {
          if (inTitle[ordinal] !== stamp) {
            inTitle[ordinal] = stamp
            weight[ordinal] = (weight[ordinal] ?? 0) + 9
          }
        }
        for (const ordinal of this.find(this.summary, word)) {
          if (inSummary[ordinal] !== stamp) {
            inSummary[ordinal] = stamp
            weight[ordinal] = (weight[ordinal] ?? 0) + 1
          }
        }
      }
    }

    const buckets: number[][] = []
    let total = 0
    for (const ordinal of this.newestFirst()) {
      if (matched[ordinal] !== terms.length) continue
      total += 1
      const w = weight[ordinal] ?? 0
      ;(buckets[w] ??= []).push(ordinal)
    }
    const ids: string[] = []
    let skip = offset
    for (let w = buckets.length - 1; w >= 0 && ids.length < limit; w--) {
      const bucket = buckets[w]
      if (!bucket) continue
      if (skip >= bucket.length) {
        skip -= bucket.length
        continue
      }
      for (let i = skip; i < bucket.length && ids.length < limit; i++) {
        ids.push(this.entries[bucket[i]!]!.id)
      }
      skip = 0
    }
    return { total, ids }
  }

  /** Every indexed ordinal, newest post first (ties by id); re-sorted only after changes. */
  private newestFirst(): readonly number[] {
    if (!this.order) {
      const entries = this.entries
      this.order = [...this.ordinals.values()].sort((a, b) => {
        const first = entries[a]!
        const second = entries[b]!
        return (
          second.publishedAt - first.publishedAt ||
          (first.id < second.id ? -1 : first.id > second.id ? 1 : 0)
        )
      })
    }
    return this.order
  }

  /** The indexed words a query term stands for: itself, and the words it begins when long enough. */
  private wordsFor(term: string): string[] {
    if (term.length < MIN_PREFIX_LENGTH) return [term]
    this.sortedVocabulary ??= [...this.vocabulary].sort()
    const sorted = this.sortedVocabulary
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (sorted[middle]! < term) low = middle + 1
      else high = middle
    }
    const words: string[] = []
    for (let i = low; i < sorted.length && words.length < MAX_PREFIX_WORDS; i++) {
      const word = sorted[i]!
      if (!word.startsWith(term)) break
      words.push(word)
    }
    return words.length > 0 ? words : [term]
  }

  /** The ordinals of the posts in which `word` occurs, in one FlexSearch index. */
  private find(index: Index, word: string): number[] {
    return index.search(word, { limit: Math.max(1, this.entries.length) }) as number[]
  }
}
