import { stringify } from 'qs-esm'
import type { Where } from 'payload'

import { postPreviewPath } from '@/lib/paths'

import { reviewValidFrom } from './review'

/** Published articles are listed in the digest and on the dashboard this many days ahead. */
export const EXPIRING_WITHIN_DAYS = 30

type RequestFields = {
  reviewRequestedAt?: string | null
  lastReviewedAt?: string | null
}

/**
 * Whether a review request is still open: made after the last medical review (or with none).
 * Signing the review closes it (collections/Posts/reviewRequest.ts clears the request), so a
 * stored request is always an open one and lists can filter on its presence alone.
 */
export function isReviewPending({ reviewRequestedAt, lastReviewedAt }: RequestFields): boolean {
  if (!reviewRequestedAt) return false
  if (!lastReviewedAt) return true
  return Date.parse(lastReviewedAt) < Date.parse(reviewRequestedAt)
}

/** Posts "in attesa di revisione" (query their latest version: `draft: true`). */
export const awaitingReviewWhere = (): Where => ({ reviewRequestedAt: { exists: true } })

/**
 * Posts whose medical review is expired at `now` or will be within `days` days: those whose
 * review would already be expired on that day (no review date counts as expired).
 */
export function expiringReviewWhere(now: Date = new Date(), days = EXPIRING_WITHIN_DAYS): Where {
  const horizon = new Date(now.getTime() + days * 86_400_000)
  return {
    or: [
      { lastReviewedAt: { exists: false } },
      { lastReviewedAt: { less_than: reviewValidFrom(horizon).toISOString() } },
    ],
  }
}

/** The admin's pages, absolute on SITE_URL (for e-mails) or relative (for the admin itself). */
export const adminPostUrl = (id: string, base = '') => `${base}/admin/collections/posts/${id}`
export const postPreviewUrl = (id: string, siteUrl: string) => `${siteUrl}${postPreviewPath(id)}`

/** A collection's admin list filtered by `where`, as the list view reads it from the URL. */
export const adminListUrl = (collection: string, where: Where, base = '') =>
  `${base}/admin/collections/${collection}?${stringify({ where }, { encodeValuesOnly: true })}`
