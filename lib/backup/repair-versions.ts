/**
 * Rebuilds the version rows a crash can leave missing: without transactions (see
 * lib/database.ts), a create cut by SIGKILL may store a post or page without its row in the
 * versions collection, and the admin then shows no history and may refuse to edit it. Run when
 * the server's Payload initialises (payload.config.ts `onInit`): for each post and page with no
 * version, one is created from the main document, with one log line each. Engine-neutral: only
 * Payload's database adapter API is used.
 */
import type { CollectionSlug, Payload } from 'payload'

import { isServerProcess } from './startup'

export const VERSIONED_COLLECTIONS: CollectionSlug[] = ['posts', 'pages']

type Logger = { info: (message: string) => void; error: (message: string) => void }

/** Returns the ids it gave a version to. */
export async function repairMissingVersions(
  payload: Payload,
  logger: Logger = { info: (m) => payload.logger.info(m), error: (m) => payload.logger.error(m) },
): Promise<{ collection: CollectionSlug; id: string }[]> {
  const repaired: { collection: CollectionSlug; id: string }[] = []
  for (const collection of VERSIONED_COLLECTIONS) {
    // Ids only: this runs at every start, and bodies are read just for the rare repair.
    const { docs: ids } = await payload.db.find<{ id: string | number }>({
      collection,
      pagination: false,
      limit: 0,
      select: { id: true },
    })
    for (const { id: docId } of ids) {
      const { totalDocs } = await payload.db.countVersions({
        collection,
        where: { parent: { equals: docId } },
      })
      if (totalDocs > 0) continue
      const doc = await payload.db.findOne<{ id: string | number } & Record<string, unknown>>({
        collection,
        where: { id: { equals: docId } },
      })
      if (!doc) continue
      const { id, ...versionData } = doc
      const createdAt = typeof doc.createdAt === 'string' ? doc.createdAt : new Date().toISOString()
      const updatedAt = typeof doc.updatedAt === 'string' ? doc.updatedAt : createdAt
      await payload.db.createVersion({
        autosave: false,
        collectionSlug: collection,
        parent: id,
        createdAt,
        updatedAt,
        versionData: versionData as never,
        returning: false,
      })
      logger.info(
        `Repaired ${collection} ${String(id)}: its missing version was rebuilt from the document.`,
      )
      repaired.push({ collection, id: String(id) })
    }
  }
  return repaired
}

/** payload.config.ts `onInit`: repairs in a running server only (not in scripts or tests). */
export async function repairOnServerStart(payload: Payload): Promise<void> {
  if (!isServerProcess()) return
  try {
    await repairMissingVersions(payload)
  } catch (error) {
    // Never blocks the start: the site works without versions; the next start tries again.
    payload.logger.error(`Checking for missing versions failed: ${String(error)}`)
  }
}
