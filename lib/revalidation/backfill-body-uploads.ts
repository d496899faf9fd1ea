import type { Payload, PayloadRequest } from 'payload'

import { uploadsIn } from './decision'

/**
 * Fills `bodyUploads` (fields/bodyUploads.ts) for the posts and pages saved before the field
 * existed, from their bodies: run by the migration that adds it, on either engine. Writes through
 * the database adapter, so nothing else changes (no hooks, no new version, same `updatedAt`).
 * Returns how many documents show at least one upload.
 */
export async function backfillBodyUploads(payload: Payload, req: PayloadRequest): Promise<number> {
  let filled = 0
  for (const collection of ['posts', 'pages'] as const) {
    for (let page = 1; ; page++) {
      const { docs, hasNextPage } = await payload.find({
        collection,
        depth: 0,
        draft: false,
        limit: 200,
        page,
        sort: 'createdAt',
        select: { content: true },
        req,
      })
      for (const doc of docs) {
        const bodyUploads = uploadsIn(doc.content)
        if (bodyUploads.length === 0) continue
        await payload.db.updateOne({ collection, id: doc.id, data: { bodyUploads }, req })
        filled++
      }
      if (!hasNextPage) break
    }
  }
  if (filled > 0) payload.logger.info(`bodyUploads filled for ${filled} posts and pages`)
  return filled
}
