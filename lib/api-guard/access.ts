import type { Collection, PayloadRequest } from 'payload'

type AccessFunction = (args: Record<string, unknown>) => unknown

/**
 * Runs a collection, global or field access function the way Payload would for a request
 * without a document: `true`, `false` or a query constraint. A missing function allows; one that
 * throws (it needed a document) refuses.
 */
export async function evaluateAccess(
  access: unknown,
  req: PayloadRequest,
  extra: Record<string, unknown> = {},
): Promise<unknown> {
  if (typeof access !== 'function') return true
  try {
    return await (access as AccessFunction)({ req, ...extra })
  } catch {
    return false
  }
}

/** A collection by a slug that came from a request or a relationship (may name nothing). */
export const collectionBySlug = (req: PayloadRequest, slug: string): Collection | undefined =>
  (req.payload.collections as Record<string, Collection | undefined>)[slug]
