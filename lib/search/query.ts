import { z } from 'zod'

import { MAX_QUERY_LENGTH, tokenizeQuery } from './normalize'

/** What the `q` search parameter asks for; never an error, whatever the URL contains. */
export type SearchQuery =
  { kind: 'empty' } | { kind: 'too-long' } | { kind: 'ok'; q: string; terms: string[] }

/**
 * The `q` parameter as Next.js passes it (`string | string[] | undefined`): the first value
 * of a repeated parameter, trimmed. Anything that is not a string counts as empty.
 */
export const searchParamSchema = z
  .preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch(''))
  .transform((value) => value.trim())

export const searchQuerySchema = searchParamSchema.transform((q): SearchQuery => {
  if (q === '') return { kind: 'empty' }
  if (q.length > MAX_QUERY_LENGTH) return { kind: 'too-long' }
  return { kind: 'ok', q, terms: tokenizeQuery(q) }
})

/** Parses the raw `q` search parameter. */
export function parseSearchQuery(raw: unknown): SearchQuery {
  return searchQuerySchema.parse(raw)
}

/** The trimmed `q` parameter, cut to what the form accepts: the value to pre-fill the form with. */
export function searchFormValue(raw: unknown): string {
  return searchParamSchema.parse(raw).slice(0, MAX_QUERY_LENGTH)
}
