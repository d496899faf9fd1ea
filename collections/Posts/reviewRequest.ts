import {
  APIError,
  type CollectionBeforeChangeHook,
  type Endpoint,
  type Field,
  type FieldAccess,
  type Payload,
} from 'payload'

import { hasRole } from '@/access/roles'
import { adminDateTime } from '@/lib/admin/dates'
import { adminPostUrl, isReviewPending, postPreviewUrl } from '@/lib/editorial/review-request'
import { getEnv } from '@/lib/env'
import { isDocumentId } from '@/lib/ids'
import { loadMailClinic, reviewRequestEmail, sendMail } from '@/lib/mail'
import { relationId } from '@/lib/people'
import type { Post, User } from '@/payload-types'

/** `req.context` key: the request-review endpoint is recording a request. */
const RECORDING_REQUEST = 'postsRecordingReviewRequest'

/**
 * Who asked for the medical review, and when. Written only by `POST /api/posts/:id/request-review`
 * and cleared when the review is signed (see `keepReviewRequest`): nobody sets them by hand.
 * Their update access is open so that the hook, not field access, decides (field access would
 * stop a reviewer's signature from clearing the request). Staff only read them.
 */
const signedIn: FieldAccess = ({ req: { user } }) => Boolean(user)

export const reviewRequestFields: Field[] = [
  {
    name: 'reviewRequestedAt',
    type: 'date',
    label: 'Revisione medica richiesta il',
    index: true,
    access: { read: signedIn, update: () => true },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: adminDateTime,
      description: 'In attesa di revisione finché un medico non firma.',
    },
  },
  {
    name: 'reviewRequestedBy',
    type: 'relationship',
    label: 'Revisione richiesta da',
    relationTo: 'users',
    access: { read: signedIn, update: () => true },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'requestReview',
    type: 'ui',
    label: 'Richiedi revisione medica',
    admin: {
      position: 'sidebar',
      disableListColumn: true,
      components: { Field: '@/components/admin/RequestReview.client#RequestReview' },
    },
  },
]

/**
 * Keeps the request fields as stored unless the endpoint is recording a request, and closes
 * the request once a review newer than it is recorded. Runs after `recordMedicalReview`.
 */
export const keepReviewRequest: CollectionBeforeChangeHook<Post> = ({ data, originalDoc, req }) => {
  const recording = Boolean(req.context[RECORDING_REQUEST])
  const requestedAt = recording ? data.reviewRequestedAt : originalDoc?.reviewRequestedAt
  const requestedBy = recording ? data.reviewRequestedBy : originalDoc?.reviewRequestedBy
  const lastReviewedAt = data.lastReviewedAt ?? originalDoc?.lastReviewedAt
  if (!isReviewPending({ reviewRequestedAt: requestedAt, lastReviewedAt })) {
    return { ...data, reviewRequestedAt: null, reviewRequestedBy: null }
  }
  return { ...data, reviewRequestedAt: requestedAt, reviewRequestedBy: requestedBy }
}

export type ReviewRequestResult = { requestedAt: string; notified: number; failed: number }

/** E-mails every medical reviewer the draft's preview and edit links; failures are logged. */
async function notifyReviewers(payload: Payload, post: Post, requester: User) {
  const { docs: reviewers } = await payload.find({
    collection: 'users',
    where: { role: { equals: 'reviewer' } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { email: true, name: true },
  })
  const clinic = await loadMailClinic(payload)
  const { siteUrl } = getEnv()
  let failed = 0
  // One message each: reviewers do not see each other's addresses.
  for (const reviewer of reviewers) {
    try {
      await sendMail(payload, {
        ...reviewRequestEmail(clinic, {
          title: post.title,
          previewUrl: postPreviewUrl(post.id, siteUrl),
          editUrl: adminPostUrl(post.id, siteUrl),
          requestedBy: requester.name,
          reviewerName: reviewer.name,
        }),
        to: reviewer.email,
      })
    } catch (error) {
      failed += 1
      payload.logger.error(
        `Richiesta di revisione dell'articolo ${post.id} non inviata al revisore ${reviewer.id}: ${String(error)}`,
      )
    }
  }
  return { notified: reviewers.length - failed, failed }
}

/**
 * `POST /api/posts/:id/request-review`: the post's author (who created it) or an editor/admin
 * asks the medical reviewers to review its latest version. Recorded on a draft save, so a live
 * article is never changed; the reviewers are e-mailed the preview link.
 */
export const requestReviewEndpoint: Endpoint = {
  path: '/:id/request-review',
  method: 'post',
  handler: async (req) => {
    const user = req.user as User | null
    if (!user || !hasRole(user, 'admin', 'editor', 'author')) {
      throw new APIError('Solo l’autore dell’articolo o un redattore.', 403, {}, true)
    }
    const id = req.routeParams?.id
    if (!isDocumentId(id)) throw new APIError('Identificativo non valido.', 400, {}, true)
    const post = await req.payload.findByID({
      collection: 'posts',
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!post) throw new APIError('Articolo non trovato.', 404, {}, true)
    if (hasRole(user, 'author') && relationId(post.createdBy) !== String(user.id)) {
      throw new APIError('Solo l’autore dell’articolo o un redattore.', 403, {}, true)
    }
    const requestedAt = new Date().toISOString()
    req.context[RECORDING_REQUEST] = true
    try {
      await req.payload.update({
        collection: 'posts',
        id,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
        data: { reviewRequestedAt: requestedAt, reviewRequestedBy: user.id },
      })
    } finally {
      delete req.context[RECORDING_REQUEST]
    }
    const sent = await notifyReviewers(req.payload, post, user)
    req.payload.logger.info(
      `Revisione medica dell'articolo ${id} richiesta da ${user.id}: ${sent.notified} revisori avvisati, ${sent.failed} non raggiunti`,
    )
    const result: ReviewRequestResult = { requestedAt, ...sent }
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
  },
}
