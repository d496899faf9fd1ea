import {
  APIError,
  Forbidden,
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

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
  // Reviewers and authors never set the review fields directly: a review is only ever signed.
  if (hasRole(user, 'reviewer', 'author') && !markReviewed) {
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
  const profile = relationId(user.profile as string | { id: string } | null | undefined)
  if (!profile) {
    throw new ValidationError(
      {
        collection: 'posts',
        errors: [
          {
            path: 'markReviewed',
            label: 'Confermo la revisione medica',
            message:
              'Il tuo account non è collegato a un profilo medico: chiedi a un amministratore di collegarlo.',
          },
        ],
      },
      req.t,
    )
  }
  return { ...rest, reviewedBy: profile, lastReviewedAt: new Date().toISOString() }
}

/** `req.context` keys: the running update saves a draft version (`?draft=true`) … */
const DRAFT_SAVE = 'postsDraftSave'
/** … or restores an old version as a draft (whatever status that version had). */
const RESTORE_AS_DRAFT = 'postsRestoreAsDraft'

/**
 * Remembers whether an update or a version restore only writes a draft: the hooks after it
 * cannot see the flag. (An update with `draft` and `_status: 'published'` still publishes, so
 * only a restore makes a "published" status harmless.)
 */
export const noteDraftSave: CollectionBeforeOperationHook<'posts'> = ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'restoreVersion') return args
  const draft = Boolean((args as { draft?: boolean }).draft)
  req.context[DRAFT_SAVE] = draft
  req.context[RESTORE_AS_DRAFT] = operation === 'restoreVersion' && draft
  return args
}

/** Exported for tests. No colon or comma: the admin's error toast splits messages on them. */
export const PUBLISH_REFUSED =
  'Solo i redattori e gli amministratori possono pubblicare. Salva l’articolo come bozza.'
export const LIVE_CHANGE_REFUSED =
  'Solo i redattori e gli amministratori possono ritirare o modificare un articolo pubblicato. Salva le modifiche come bozza.'

/**
 * A permission refusal (403), shown as is in the admin's toast. `data` matters: without it
 * Payload formats the error by its class name, which the production bundle may strip, and
 * answers "An unknown error occurred." instead of the message.
 */
const refuse = (message: string) =>
  new APIError(message, 403, { rule: 'only-editors-publish' }, true)

/**
 * The status of the live (main) document, which is what patients see. Not `originalDoc`: Payload
 * fills that from the latest version, a draft as soon as one exists, so a published post would
 * look unpublished to the rule below. Read through the database adapter (no hooks, no access,
 * inside the request's transaction), the same call on SQLite and MongoDB.
 */
async function liveStatus(req: PayloadRequest, id: string | undefined) {
  if (!id) return undefined
  const live = await req.payload.db.findOne<Post>({
    collection: 'posts',
    req,
    select: { _status: true },
    where: { id: { equals: id } },
  })
  return live?._status ?? undefined
}

/**
 * Only editors and admins publish; authors and reviewers save drafts. They may not change what
 * is live either: on a published post they can only save a new draft (which an editor then
 * publishes), never unpublish it or overwrite the published version. Every write that reaches
 * the main document (a non-draft update by id or by where, a version restored without
 * `draft`, a scheduled job run with their rights, the same over GraphQL) is checked against the
 * live document, whatever the latest version says.
 */
export const onlyEditorsPublish: CollectionBeforeChangeHook<Post> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!hasRole(req.user, 'author', 'reviewer')) return data
  // A draft save only writes a version (an update sending "published" with it still publishes;
  // a version restored as a draft never does).
  const onlyVersion =
    Boolean(req.context[RESTORE_AS_DRAFT]) ||
    (Boolean(req.context[DRAFT_SAVE]) && data._status !== 'published')
  const writesLiveDocument = operation === 'update' && !onlyVersion
  if (writesLiveDocument && (await liveStatus(req, originalDoc?.id)) !== 'draft') {
    throw refuse(LIVE_CHANGE_REFUSED)
  }
  if (data._status === 'published' && !req.context[RESTORE_AS_DRAFT]) {
    throw refuse(PUBLISH_REFUSED)
  }
  // Their write to an unpublished post's main document keeps it unpublished, whatever status
  // the version it was built from had.
  return writesLiveDocument ? { ...data, _status: 'draft' } : data
}

const MISSING_FOR_MEDICAL: {
  field: 'author' | 'reviewedBy' | 'lastReviewedAt'
  label: string
  message: string
}[] = [
  {
    field: 'author',
    label: 'Autore',
    message: 'Per pubblicare un articolo medico indica l’autore.',
  },
  {
    field: 'reviewedBy',
    label: 'Revisore medico',
    message: 'Per pubblicare un articolo medico serve la revisione di un medico (revisore).',
  },
  {
    field: 'lastReviewedAt',
    label: 'Ultima revisione medica',
    message: 'Per pubblicare un articolo medico indica la data dell’ultima revisione medica.',
  },
]

/** Publishing in a medical category needs an author, a medical reviewer and a review date. */
export const requireMedicalReview: CollectionBeforeChangeHook<Post> = async ({ data, req }) => {
  if (data._status !== 'published') return data
  const categoryIds = (data.categories ?? [])
    .map(relationId)
    .filter((id): id is string => id !== undefined)
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
    // Each message shows under its field (tab "Informazioni mediche"); the toast lists the labels.
    throw new ValidationError(
      {
        collection: 'posts',
        errors: missing.map(({ field, label, message }) => ({ path: field, label, message })),
      },
      req.t,
    )
  }
  return data
}
