import type { CollectionAfterChangeHook } from 'payload'

import type { Post } from '@/payload-types'
import { postPath } from '@/lib/paths'
import { liveDocumentBefore } from '@/lib/revalidate'

/**
 * When a published article changes slug, its old URL answers 301 to the new one. The redirect
 * points at the post itself, so later renames never build chains. A redirect whose source is
 * the article's current URL is removed: the content lives there again.
 */
export const redirectOldSlug: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (doc._status !== 'published' || context.disableRedirects) return doc
  const current = postPath(doc.slug)
  await req.payload.delete({ collection: 'redirects', where: { from: { equals: current } }, req })

  // The URL patients knew is the live document's before this write. `previousDoc` is the latest
  // draft: a rename saved as a draft and then published would otherwise leave no redirect.
  const before =
    (liveDocumentBefore(context, 'posts', doc.id) as Partial<Post> | null | undefined) ??
    previousDoc
  const oldSlug = before?._status === 'published' ? before.slug : undefined
  if (!oldSlug || oldSlug === doc.slug) return doc
  const from = postPath(oldSlug)
  const existing = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    req,
  })
  const data = {
    from,
    to: { type: 'reference' as const, reference: { relationTo: 'posts' as const, value: doc.id } },
    type: '301' as const,
  }
  if (existing.docs[0]) {
    await req.payload.update({ collection: 'redirects', id: existing.docs[0].id, data, req })
  } else {
    await req.payload.create({ collection: 'redirects', data, req })
  }
  return doc
}
