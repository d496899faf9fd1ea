import { Forbidden, ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import type { Post } from '@/payload-types'
import { relationId } from '@/lib/people'

/** Who created the post: authors may edit only their own. Set once, never from the request. */
export const setCreatedBy: CollectionBeforeChangeHook<Post> = ({
  data,
  operation,
  req,
  originalDoc,
}) => {
  if (operation === 'create') return { ...data, createdBy: req.user?.id ?? null }
  return { ...data, createdBy: originalDoc?.createdBy ?? null }
}

/**
 * A reviewer signs the medical review with their own profile and today's date by ticking
 * "markReviewed"; the review fields cannot be set any other way by a reviewer.
 */
export const recordMedicalReview: CollectionBeforeChangeHook<Post> = ({
  data,
  req,
  originalDoc,
}) => {
  const { markReviewed, ...rest } = data as typeof data & { markReviewed?: boolean }
  const user = req.user
  if (hasRole(user, 'reviewer') && !markReviewed) {
    return {
      ...rest,
      reviewedBy: originalDoc?.reviewedBy ?? null,
      lastReviewedAt: originalDoc?.lastReviewedAt ?? null,
    }
  }
  if (!markReviewed) return rest
  if (!user || !hasRole(user, 'reviewer', 'editor', 'admin')) {
    throw new Forbidden(req.t)
  }
  const profile = relationId(user.profile as number | { id: number } | null | undefined)
  if (!profile) {
    throw new ValidationError({
      collection: 'posts',
      errors: [
        {
          path: 'markReviewed',
          message:
            'Il tuo account non è collegato a un profilo medico: chiedi a un amministratore di collegarlo.',
        },
      ],
    })
  }
  return { ...rest, reviewedBy: profile, lastReviewedAt: new Date().toISOString() }
}

/** Only editors and admins publish; authors and reviewers save drafts. */
export const onlyEditorsPublish: CollectionBeforeChangeHook<Post> = ({ data, req }) => {
  if (data._status === 'published' && hasRole(req.user, 'author', 'reviewer')) {
    throw new ValidationError({
      collection: 'posts',
      errors: [
        {
          path: '_status',
          message: 'Solo i redattori e gli amministratori possono pubblicare: salva come bozza.',
        },
      ],
    })
  }
  return data
}

const MISSING_FOR_MEDICAL: {
  field: 'author' | 'reviewedBy' | 'lastReviewedAt'
  message: string
}[] = [
  { field: 'author', message: 'Per pubblicare un articolo medico indica l’autore.' },
  {
    field: 'reviewedBy',
    message: 'Per pubblicare un articolo medico serve la revisione di un medico (revisore).',
  },
  {
    field: 'lastReviewedAt',
    message: 'Per pubblicare un articolo medico indica la data dell’ultima revisione medica.',
  },
]

/** Publishing in a medical category needs an author, a medical reviewer and a review date. */
export const requireMedicalReview: CollectionBeforeChangeHook<Post> = async ({ data, req }) => {
  if (data._status !== 'published') return data
  const categoryIds = (data.categories ?? [])
    .map(relationId)
    .filter((id): id is number => id !== undefined)
  if (categoryIds.length === 0) return data
  const { totalDocs } = await req.payload.count({
    collection: 'categories',
    where: { and: [{ id: { in: categoryIds } }, { medical: { equals: true } }] },
    req,
    overrideAccess: true,
  })
  if (totalDocs === 0) return data
  const missing = MISSING_FOR_MEDICAL.filter(({ field }) => !data[field])
  if (missing.length > 0) {
    throw new ValidationError({
      collection: 'posts',
      errors: missing.map(({ field, message }) => ({ path: field, message })),
    })
  }
  return data
}
