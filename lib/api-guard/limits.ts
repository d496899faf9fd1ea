/**
 * What one REST or GraphQL request may ask for. Every number is above what the site and the
 * admin ever send (public pages read through the Local API, which these limits do not touch;
 * the admin's list view offers at most 100 rows a page and its relationship pickers ask for 10).
 */

/** REST `limit` and GraphQL `limit`: Payload has no REST maximum of its own. */
export const MAX_LIMIT = 100

/** Payload's page size when a request names none. */
export const DEFAULT_LIMIT = 10

/** `page`: far past the last page of any collection here, far below an overflowing offset. */
export const MAX_PAGE = 10_000

/** REST `depth` for anonymous readers: the article page itself needs 2 (post → author → photo). */
export const ANONYMOUS_MAX_DEPTH = 2

/** Payload's own `maxDepth` (every API, every user): deeper populations are cut to this. */
export const MAX_DEPTH = 3

/** Conditions in one `where` (every leaf counts) and how deep `and`/`or` may nest. */
export const MAX_WHERE_CONDITIONS = 50
export const MAX_WHERE_NESTING = 5

/** Fields in one `sort`. */
export const MAX_SORT_FIELDS = 3

/**
 * GraphQL cost bound (see graphql-cost.ts): one page of 100 posts with four fields each
 * (1 + 100 × (1 + 4) = 501), or ten such lists of 10, fits; fifty aliased lists of 100 do not.
 */
export const GRAPHQL_MAX_COST = 1000

/** What a list without a `limit` argument (hasMany relationships, arrays) is assumed to hold. */
export const GRAPHQL_LIST_SIZE = 10
