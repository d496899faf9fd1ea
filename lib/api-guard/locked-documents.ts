import {
  APIError,
  type Access,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
  type SanitizedConfig,
  type Where,
} from 'payload'

import { userIsAdmin } from '@/access/isAdmin'

import { collectionBySlug, evaluateAccess } from './access'

/**
 * Document locks (`payload-locked-documents`, added by Payload while it sanitises the config)
 * keep Payload's default access: any signed-in user may list, create and delete any lock, and a
 * lock "by" someone else makes that person's next save fail with 423. Here:
 * - nobody anonymous;
 * - a user sees (and may take over, as the admin's "take over" does) the locks of what they may
 *   edit, plus their own;
 * - a lock is only ever created or taken over in the requester's own name, on a document or
 *   global they may update;
 * - only admins remove other people's locks.
 * Payload's admin creates, refreshes and clears locks with `payload.db` calls (no access, no
 * hooks), and reads them with the Local API as the signed-in user, so it keeps working.
 */

export const LOCKS = 'payload-locked-documents'

const refuse = (message: string) => new APIError(message, 403, { rule: 'document-locks' }, true)

/** Collections and globals the user may update at all (any constraint counts). */
async function editableBy(req: PayloadRequest) {
  const { config } = req.payload
  const collections: string[] = []
  for (const collection of config.collections) {
    if (collection.slug === LOCKS || collection.lockDocuments === false) continue
    if (await evaluateAccess(collection.access.update, req)) collections.push(collection.slug)
  }
  const globals: string[] = []
  for (const global of config.globals) {
    if (global.lockDocuments === false) continue
    if (await evaluateAccess(global.access.update, req)) globals.push(global.slug)
  }
  return { collections, globals }
}

const ownLocks = (id: string | number): Where => ({ 'user.value': { equals: id } })

const readLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (userIsAdmin(req.user)) return true
  const { collections, globals } = await editableBy(req)
  // One `equals` per collection: SQLite cannot query a polymorphic `relationTo` with `in`.
  const or: Where[] = [
    ownLocks(req.user.id),
    ...collections.map((slug): Where => ({ 'document.relationTo': { equals: slug } })),
  ]
  if (globals.length) or.push({ globalSlug: { in: globals } })
  return { or }
}

const deleteLocks: Access = ({ req }) => {
  if (!req.user) return false
  return userIsAdmin(req.user) ? true : ownLocks(req.user.id)
}

const signedIn: Access = ({ req }) => Boolean(req.user)

type LockTarget = { document?: unknown; globalSlug?: unknown }

/** The id inside a relationship value: `id`, `{ value: id }` or `{ value: { id } }`. */
function relationId(value: unknown): unknown {
  if (value && typeof value === 'object' && 'value' in value) {
    const inner = (value as { value: unknown }).value
    return inner && typeof inner === 'object' && 'id' in inner
      ? (inner as { id: unknown }).id
      : inner
  }
  return value
}

/** Refuses a lock on something the requester may not update. */
async function assertMayEdit(req: PayloadRequest, { document, globalSlug }: LockTarget) {
  if (typeof globalSlug === 'string' && globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === globalSlug)
    if (!global || !(await evaluateAccess(global.access.update, req))) {
      throw refuse('Non puoi bloccare una sezione che non puoi modificare.')
    }
    return
  }
  const relationTo = (document as { relationTo?: unknown } | null | undefined)?.relationTo
  const id = relationId(document)
  const collection = typeof relationTo === 'string' ? collectionBySlug(req, relationTo) : undefined
  if (
    !collection ||
    collection.config.slug === LOCKS ||
    (typeof id !== 'string' && typeof id !== 'number')
  ) {
    throw new APIError('Il blocco deve indicare un documento o una sezione.', 400, {}, true)
  }
  const access = await evaluateAccess(collection.config.access.update, req, { id })
  const allowed =
    access === true ||
    (Boolean(access) &&
      typeof access === 'object' &&
      (
        await req.payload.count({
          collection: collection.config.slug,
          where: { and: [{ id: { equals: id } }, access as Where] },
          overrideAccess: true,
          req,
        })
      ).totalDocs > 0)
  if (!allowed) throw refuse('Non puoi bloccare un documento che non puoi modificare.')
}

/**
 * A lock always belongs to whoever creates or takes it over, and keeps the document it was
 * created for. Skipped without a user: that is the app's own code on the Local API.
 */
const locksInOwnName: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = req.user
  if (!user) return data
  const claimed = relationId(data.user)
  if (claimed !== undefined && claimed !== null && String(claimed) !== String(user.id)) {
    throw refuse('Un documento si blocca solo a proprio nome.')
  }
  const target: LockTarget =
    operation === 'update'
      ? { document: originalDoc?.document, globalSlug: originalDoc?.globalSlug }
      : { document: data.document, globalSlug: data.globalSlug }
  await assertMayEdit(req, target)
  const relationTo = user.collection ?? req.payload.config.admin.user
  return { ...data, ...target, user: { relationTo, value: user.id } }
}

/** Replaces the locks collection's access and adds the ownership hook, in the built config. */
export function guardDocumentLocks(config: SanitizedConfig): void {
  const locks = config.collections.find((collection) => collection.slug === LOCKS)
  if (!locks) return
  locks.access = {
    ...locks.access,
    read: readLocks,
    create: signedIn,
    update: readLocks,
    delete: deleteLocks,
  }
  locks.hooks = {
    ...locks.hooks,
    beforeChange: [...(locks.hooks?.beforeChange ?? []), locksInOwnName],
  }
}
