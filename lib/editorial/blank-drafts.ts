import type { Payload, TaskConfig } from 'payload'

import type { Post } from '@/payload-types'

/** How long an untouched blank draft is kept: the editor may come back to it the same day. */
export const BLANK_DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000

const hasText = (value: unknown): boolean => {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.some(hasText)
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) =>
      key === 'text' ? hasText(inner) : typeof inner === 'object' && hasText(inner),
    )
  }
  return false
}

/**
 * A post nobody wrote anything in: what "Crea nuovo" leaves behind, since autosave creates the
 * draft as soon as the form opens. Any title, text, image, category or FAQ makes it kept.
 */
export function isBlankPost(post: Partial<Post>): boolean {
  return (
    !hasText(post.title) &&
    !hasText(post.excerpt) &&
    !hasText(post.content) &&
    !post.heroImage &&
    !post.categories?.length &&
    !post.faq?.length
  )
}

/**
 * Deletes the posts that are still blank a day after their last save and were never published
 * (task `purgeBlankDrafts`, hourly). Each candidate is re-read at its latest draft version, so
 * an autosave that went only to the versions is not lost.
 */
export async function purgeBlankDrafts(
  payload: Payload,
  now: Date = new Date(),
): Promise<{ deleted: string[] }> {
  const cutoff = new Date(now.getTime() - BLANK_DRAFT_MAX_AGE_MS)
  const { docs: candidates } = await payload.find({
    collection: 'posts',
    where: {
      and: [
        { _status: { equals: 'draft' } },
        { publishedAt: { exists: false } },
        { updatedAt: { less_than: cutoff.toISOString() } },
        { or: [{ title: { exists: false } }, { title: { equals: '' } }] },
      ],
    },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
  })
  const deleted: string[] = []
  for (const candidate of candidates) {
    const latest = await payload.findByID({
      collection: 'posts',
      id: candidate.id,
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    if (!isBlankPost(latest) || new Date(latest.updatedAt) >= cutoff) continue
    await payload.delete({
      collection: 'posts',
      id: candidate.id,
      depth: 0,
      overrideAccess: true,
      // Never published: nothing on the site to refresh.
      context: { disableRevalidate: true },
    })
    deleted.push(String(candidate.id))
  }
  if (deleted.length > 0) {
    payload.logger.info(`[articoli] ${deleted.length} bozze vuote e senza titolo cancellate`)
  }
  return { deleted }
}

/** Queued by Payload's scheduler on `default`, which the in-process runner runs. */
export const blankDraftTasks: TaskConfig[] = [
  {
    slug: 'purgeBlankDrafts',
    label: 'Cancellazione delle bozze vuote senza titolo',
    retries: 2,
    schedule: [{ cron: '41 * * * *', queue: 'default' }],
    handler: async ({ req }) => {
      await purgeBlankDrafts(req.payload)
      return { output: {} }
    },
  },
]
