import { z } from 'zod'

import { MAX_QUERY_LENGTH, tokenizeQuery } from './normalize'

/**
 * What the `q` search parameter asks for; never an error, whatever the URL contains. Only `ok`
 * is searched: the other kinds get an explanation and no work (no index, no database).
 */
export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'too-long' }
  /** Only punctuation, symbols or one-letter words: nothing to search for. */
  | { kind: 'no-terms'; q: string }
  | { kind: 'ok'; q: string; terms: string[] }

/** The highest `pagina` accepted: far past any real result list, a bound on silly URLs. */
export const MAX_PAGE = 10_000

/** Which page of results `pagina` asks for: absent means the first. */
export type SearchPage = { kind: 'ok'; page: number } | { kind: 'invalid' }

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value)

/**
 * The `q` parameter as Next.js passes it (`string | string[] | undefined`): the first value
 * of a repeated parameter, trimmed. Anything that is not a string counts as empty.
 */
export const searchParamSchema = z
  .preprocess(firstValue, z.string().catch(''))
  .transform((value) => value.trim())

export const searchQuerySchema = searchParamSchema.transform((q): SearchQuery => {
  if (q === '') return { kind: 'empty' }
  if (q.length > MAX_QUERY_LENGTH) return { kind: 'too-long' }
  const terms = tokenizeQuery(q)
  return terms.length === 0 ? { kind: 'no-terms', q } : { kind: 'ok', q, terms }
})

/** Parses the raw `q` search parameter. */
export function parseSearchQuery(raw: unknown): SearchQuery {
  return searchQuerySchema.parse(raw)
}

const pageSchema = z.preprocess(
  firstValue,
  z
    .string()
    .regex(/^[1-9][0-9]{0,4}$/)
    .transform(Number)
    .pipe(z.number().max(MAX_PAGE)),
)

/** Parses the raw `pagina` parameter: absent → 1; anything but 1…MAX_PAGE in digits → invalid. */
export function parseSearchPage(raw: unknown): SearchPage {
  if (firstValue(raw) === undefined) return { kind: 'ok', page: 1 }
  const parsed = pageSchema.safeParse(raw)
  return parsed.success ? { kind: 'ok', page: parsed.data } : { kind: 'invalid' }
}

/** The trimmed `q` parameter, cut to what the form accepts: the value to pre-fill the form with. */
export function searchFormValue(raw: unknown): string {
  return searchParamSchema.parse(raw).slice(0, MAX_QUERY_LENGTH)
}

/** The URL of one page of results: `/cerca?q=…` for the first, `/cerca?q=…&pagina=N` after. */
export function searchPageHref(q: string, page: number): string {
  const params = new URLSearchParams({ q })
  if (page > 1) params.set('pagina', String(page))
  return `/cerca?${params.toString()}`
}
