import type { Payload, Where } from 'payload'

import { hasRole } from '@/access/roles'
import { getNewRequestsSummary, type NewRequestsSummary } from '@/lib/booking/pending'
import { APPOINTMENT_REQUESTS_SLUG } from '@/lib/booking/constants'
import {
  adminListUrl,
  adminPostUrl,
  awaitingReviewWhere,
  expiringReviewWhere,
} from '@/lib/editorial/review-request'
import type { User } from '@/payload-types'

export type DashboardCount = { count: number; href: string }

export type ScheduledPublication = {
  postId: string
  title: string
  type: 'publish' | 'unpublish'
  at: string
  href: string
}

/** What the dashboard shows the signed-in staff member; absent keys are not for their role. */
export type DashboardData = {
  role: User['role']
  newRequests?: NewRequestsSummary & { href: string }
  /** Authors: their own drafts. */
  myDrafts?: DashboardCount
  /** Drafts awaiting medical review: everyone's for editors and reviewers, their own for authors. */
  awaitingReview?: DashboardCount
  /** Published articles whose review expired or expires within 30 days (editors, admins). */
  expiringReviews?: DashboardCount
  scheduled?: ScheduledPublication[]
}

type JobInput = {
  type?: string
  doc?: { relationTo?: string; value?: unknown }
}

const idOf = (value: unknown) =>
  String(value && typeof value === 'object' && 'id' in value ? value.id : value)

/**
 * Counts with the signed-in user's own access (`overrideAccess: false`) and latest versions
 * (`draft: true`, as the admin's lists show them). Requests and scheduled jobs are read only for
 * editors and admins, who are the ones allowed to see them.
 */
export async function getDashboardData(
  payload: Payload,
  user: User,
  now: Date = new Date(),
): Promise<DashboardData> {
  const countPosts = async (where: Where, draft = true): Promise<DashboardCount> => {
    // `find`, not `count`: only `find` reads the latest versions (drafts).
    const { totalDocs } = await payload.find({
      collection: 'posts',
      where,
      draft,
      user,
      overrideAccess: false,
      limit: 1,
      depth: 0,
      select: { title: true },
    })
    return { count: totalDocs, href: adminListUrl('posts', where) }
  }
  const data: DashboardData = { role: user.role }
  const staff = hasRole(user, 'admin', 'editor')

  if (hasRole(user, 'author')) {
    const mine: Where = { createdBy: { equals: user.id } }
    data.myDrafts = await countPosts({ and: [mine, { _status: { equals: 'draft' } }] })
    data.awaitingReview = await countPosts({ and: [mine, awaitingReviewWhere()] })
    return data
  }

  data.awaitingReview = await countPosts(awaitingReviewWhere())
  if (!staff) return data

  const requests = await getNewRequestsSummary(payload, now)
  data.newRequests = {
    ...requests,
    href: adminListUrl(APPOINTMENT_REQUESTS_SLUG, { status: { equals: 'nuova' } }),
  }
  // The live documents: what patients read.
  data.expiringReviews = await countPosts(
    { and: [{ _status: { equals: 'published' } }, expiringReviewWhere(now)] },
    false,
  )
  data.scheduled = await scheduledPublications(payload)
  return data
}

/** Queued scheduled publish/unpublish jobs, soonest first, with their posts' titles. */
async function scheduledPublications(payload: Payload): Promise<ScheduledPublication[]> {
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  const planned = jobs
    .map((job) => ({ input: job.input as JobInput | null, at: job.waitUntil }))
    .filter(({ input, at }) => input?.doc?.relationTo === 'posts' && at)
  if (planned.length === 0) return []
  const ids = [...new Set(planned.map(({ input }) => idOf(input?.doc?.value)))]
  const { docs: posts } = await payload.find({
    collection: 'posts',
    where: { id: { in: ids } },
    draft: true,
    limit: ids.length,
    depth: 0,
    overrideAccess: true,
    select: { title: true },
  })
  const titles = new Map(posts.map((post) => [String(post.id), post.title]))
  return planned.flatMap(({ input, at }) => {
    const postId = idOf(input?.doc?.value)
    const title = titles.get(postId)
    if (!title || !at) return []
    const type = input?.type === 'unpublish' ? 'unpublish' : 'publish'
    return [{ postId, title, type, at, href: adminPostUrl(postId) }]
  })
}
