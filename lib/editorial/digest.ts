import type { Payload, TaskConfig } from 'payload'

import { getEnv } from '@/lib/env'
import { loadMailClinic, reviewDigestEmail, sendMail, type DigestEntry } from '@/lib/mail'

import { reviewStatus } from './review'
import {
  adminListUrl,
  adminPostUrl,
  EXPIRING_WITHIN_DAYS,
  expiringReviewWhere,
} from './review-request'

/** Published articles whose medical review is expired at `now` or expires within the window. */
export async function findExpiringReviews(payload: Payload, now: Date = new Date()) {
  const { docs } = await payload.find({
    collection: 'posts',
    where: { and: [{ _status: { equals: 'published' } }, expiringReviewWhere(now)] },
    sort: 'lastReviewedAt',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { title: true, lastReviewedAt: true },
  })
  return docs
}

export type DigestResult = { articles: number; sentTo: string[]; failed: string[] }

/**
 * The weekly e-mail to editors and admins listing the published articles whose review expired
 * or expires within EXPIRING_WITHIN_DAYS days. Nothing is sent when the list is empty.
 */
export async function sendReviewDigest(
  payload: Payload,
  now: Date = new Date(),
): Promise<DigestResult> {
  const posts = await findExpiringReviews(payload, now)
  if (posts.length === 0) return { articles: 0, sentTo: [], failed: [] }
  const { siteUrl } = getEnv()
  const entries: DigestEntry[] = posts.map((post) => {
    const status = reviewStatus(post.lastReviewedAt, now)
    return {
      title: post.title,
      status: status.expired ? 'scaduta' : status.label,
      editUrl: adminPostUrl(post.id, siteUrl),
    }
  })
  const listUrl = adminListUrl(
    'posts',
    { and: [{ _status: { equals: 'published' } }, expiringReviewWhere(now)] },
    siteUrl,
  )
  const { docs: editors } = await payload.find({
    collection: 'users',
    where: { role: { in: ['admin', 'editor'] } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { email: true, name: true },
  })
  const clinic = await loadMailClinic(payload)
  const result: DigestResult = { articles: posts.length, sentTo: [], failed: [] }
  for (const editor of editors) {
    try {
      await sendMail(payload, {
        ...reviewDigestEmail(clinic, {
          entries,
          withinDays: EXPIRING_WITHIN_DAYS,
          listUrl,
          name: editor.name,
        }),
        to: editor.email,
      })
      result.sentTo.push(editor.email)
    } catch (error) {
      result.failed.push(editor.email)
      payload.logger.error(
        `Riepilogo delle revisioni non inviato all'utente ${editor.id}: ${String(error)}`,
      )
    }
  }
  return result
}

/**
 * Mondays at 06:00 in Rome (the server runs in the clinic's zone: lib/jobs/time-zone.ts).
 * Payload's scheduler queues it on `default`, which the in-process runner runs.
 */
export const editorialTasks: TaskConfig[] = [
  {
    slug: 'reviewDigest',
    label: 'Riepilogo settimanale delle revisioni mediche in scadenza',
    retries: 2,
    schedule: [{ cron: '0 6 * * 1', queue: 'default' }],
    handler: async ({ req }) => {
      const result = await sendReviewDigest(req.payload)
      // Retried by the job only when nobody was reached.
      if (result.sentTo.length === 0 && result.failed.length > 0) {
        throw new Error(`riepilogo non inviato a ${result.failed.length} destinatari`)
      }
      return { output: {} }
    },
  },
]
