import { revalidatePath } from 'next/cache'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  RequestContext,
} from 'payload'

/**
 * Purges the public site's cached pages after content changes, so the next request
 * already shows the change. The site is small, so every change refreshes every page:
 * listings, article pages, sitemap and feed all depend on posts, authors and the clinic.
 * Skipped when the caller (seed, bulk import) sets `context.disableRevalidate`.
 */
export function revalidateSite({
  context,
  payload,
  reason,
}: {
  context: RequestContext
  payload: Payload
  reason: string
}): void {
  if (context.disableRevalidate) return
  try {
    revalidatePath('/', 'layout')
    revalidatePath('/sitemap.xml')
    revalidatePath('/feed.xml')
    payload.logger.info(`Revalidated the public site: ${reason}`)
  } catch (error) {
    // Outside a Next.js server (scripts, tests) there is no cache to purge.
    payload.logger.debug({ err: error, msg: `Revalidation skipped (${reason})` })
  }
}

export const revalidateOnChange: CollectionAfterChangeHook = ({ collection, doc, req }) => {
  revalidateSite({
    context: req.context,
    payload: req.payload,
    reason: `${collection.slug} ${doc.id} changed`,
  })
  return doc
}

export const revalidateOnDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  revalidateSite({
    context: req.context,
    payload: req.payload,
    reason: `${collection.slug} ${doc.id} deleted`,
  })
  return doc
}

export const revalidateGlobalOnChange: GlobalAfterChangeHook = ({ global, doc, req }) => {
  revalidateSite({ context: req.context, payload: req.payload, reason: `${global.slug} changed` })
  return doc
}
