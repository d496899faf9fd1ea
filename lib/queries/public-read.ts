/**
 * The options of every public read: no user and `overrideAccess: false`, so access control
 * limits it to published documents (drafts can never leak), and never the draft version.
 */
export const publicRead = { overrideAccess: false, draft: false } as const

/**
 * Newest first, with a tie-breaker so both engines return one total order (MongoDB's adapter
 * appends `-createdAt` to a non-unique sort by itself; SQLite would not). The posts collection
 * declares a compound index for exactly this sort.
 */
export const NEWEST_FIRST = ['-publishedAt', '-createdAt']
