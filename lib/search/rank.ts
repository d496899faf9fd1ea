import { normalizeForSearch, tokenizeQuery } from './normalize'

/** What the search needs of a post: its body already as plain text. */
export type SearchableDocument = {
  id: string
  title: string
  slug: string
  excerpt?: string | null
  body: string
  publishedAt?: string | null
}

export type RankedMatch<T extends SearchableDocument = SearchableDocument> = {
  doc: T
  score: number
  /** How many of the query's terms occur in the title. */
  titleTerms: number
}

/** Weights: a term in the title counts most, then in the excerpt, then each body occurrence. */
export const SCORE = { title: 10, excerpt: 3, bodyOccurrence: 1, maxBodyOccurrences: 5 } as const

function countOccurrences(haystack: string, needle: string, max: number): number {
  let count = 0
  let from = haystack.indexOf(needle)
  while (from !== -1 && count < max) {
    count += 1
    from = haystack.indexOf(needle, from + needle.length)
  }
  return count
}

function timestamp(value: string | null | undefined): number {
  const time = value ? Date.parse(value) : Number.NaN
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time
}

/**
 * The documents in which EVERY term occurs (as a substring of the normalised title, excerpt or
 * body), best first: documents with more terms in the title first, then by score, then newest.
 * `query` is either the user's text or terms already produced by `tokenizeQuery`.
 */
export function rankDocuments<T extends SearchableDocument>(
  docs: readonly T[],
  query: string | readonly string[],
): RankedMatch<T>[] {
  const terms = typeof query === 'string' ? tokenizeQuery(query) : query
  if (terms.length === 0) return []

  const matches: RankedMatch<T>[] = []
  for (const doc of docs) {
    const title = normalizeForSearch(doc.title)
    const excerpt = normalizeForSearch(doc.excerpt ?? '')
    const body = normalizeForSearch(doc.body)
    let score = 0
    let titleTerms = 0
    let everyTerm = true
    for (const term of terms) {
      const inTitle = title.includes(term)
      const inExcerpt = excerpt.includes(term)
      const inBody = countOccurrences(body, term, SCORE.maxBodyOccurrences)
      if (!inTitle && !inExcerpt && inBody === 0) {
        everyTerm = false
        break
      }
      if (inTitle) titleTerms += 1
      score +=
        (inTitle ? SCORE.title : 0) +
        (inExcerpt ? SCORE.excerpt : 0) +
        inBody * SCORE.bodyOccurrence
    }
    if (everyTerm) matches.push({ doc, score, titleTerms })
  }

  return matches.sort(
    (a, b) =>
      b.titleTerms - a.titleTerms ||
      b.score - a.score ||
      timestamp(b.doc.publishedAt) - timestamp(a.doc.publishedAt) ||
      a.doc.title.localeCompare(b.doc.title, 'it'),
  )
}
