/**
 * The options of every public read: no user and `overrideAccess: false`, so access control
 * limits it to published documents (drafts can never leak), and never the draft version.
 */
export const publicRead = { overrideAccess: false, draft: false } as const
