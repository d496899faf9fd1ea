import { revalidatePath, revalidateTag } from 'next/cache'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
  RequestContext,
} from 'payload'

import { TAGS } from '@/lib/cache-tags'
import {
  authorTags,
  categoryTags,
  pageTags,
  publicVersions,
  savesOnlyAVersion,
  uniqueTags,
  type PostRelations,
  type Write,
} from '@/lib/revalidation/decision'
import {
  authorDependents,
  categoryDependents,
  listedPostTags,
  mediaDependents,
  postDependents,
} from '@/lib/revalidation/dependents'

/*
 * Revalidation of the public pages, by cache tag (lib/cache-tags.ts), only when what patients
 * see changed: a document published, changed while published, unpublished, deleted or renamed.
 * Draft saves and autosaves of posts and pages never purge anything. Skipped when the caller
 * (seed, import) sets `context.disableRevalidate`.
 *
 * Posts and pages have drafts, and Payload hands hooks the latest *version* as `previousDoc`,
 * which is a draft as soon as one exists. So two hooks note what the write is about before it
 * happens: whether it only saves a version (`noteVersionOnlySave`, from the operation's arguments)
 * and, when it does write the live document, what that document was (`rememberLiveDocument`):
 * its old slug, categories and authors are tags to revalidate too.
 */

type Doc = Record<string, unknown> & { id: string | number; _status?: 'draft' | 'published' | null }
type Revalidated = 'posts' | 'pages' | 'categories' | 'authors' | 'media'
type WriteNote = { versionOnly: boolean; live: Record<string, Doc | null> }

/** Collections with drafts, and the fields of the live document their tags come from. */
const LIVE_FIELDS: Partial<Record<Revalidated, Record<string, true>>> = {
  posts: { _status: true, slug: true, categories: true, author: true, reviewedBy: true },
  pages: { _status: true, slug: true },
}

const noteKey = (collection: string) => `revalidate:${collection}`
const noteOf = (context: RequestContext, collection: string) =>
  context[noteKey(collection)] as WriteNote | undefined

/** beforeOperation: whether this write only saves a draft version. */
export const noteVersionOnlySave = ({
  args,
  collection,
  context,
  operation,
}: Parameters<CollectionBeforeOperationHook>[0]): void => {
  if (operation === 'update' || operation === 'restoreVersion') {
    const { draft, data } = args as { draft?: unknown; data?: { _status?: unknown } }
    const note: WriteNote = { versionOnly: savesOnlyAVersion(operation, { draft, data }), live: {} }
    context[noteKey(collection.slug)] = note
  }
  // Nothing returned: the arguments go on unchanged.
}

/** beforeChange: the live document a write is about to replace (not for draft saves). */
export const rememberLiveDocument: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const fields = LIVE_FIELDS[collection.slug as Revalidated]
  const note = noteOf(context, collection.slug)
  const id = originalDoc?.id
  // Recorded even when revalidation is off: the redirect on rename reads it too.
  if (operation !== 'update' || !fields || !note || !id) return data
  if (note.versionOnly) return data
  const live = await req.payload.db.findOne<Doc>({
    collection: collection.slug,
    req,
    select: fields,
    where: { id: { equals: id } },
  })
  note.live[String(id)] = live ?? null
  return data
}

/**
 * The live (published-or-not main) document as it was before this non-draft write, when
 * `rememberLiveDocument` recorded it: Payload's `previousDoc` is the latest draft instead.
 */
export const liveDocumentBefore = (
  context: RequestContext,
  collection: string,
  id: string | number,
): Doc | null | undefined => noteOf(context, collection)?.live[String(id)]

const slugged = (docs: Doc[]) => docs as unknown as { slug: string }[]

/** The tags a write touches: those of its public versions, and of what shows the document. */
async function tagsOfWrite(
  collection: Revalidated,
  id: string,
  write: Write<Doc>,
  req: PayloadRequest,
): Promise<string[]> {
  const visible = publicVersions(write, { drafts: collection in LIVE_FIELDS })
  if (visible.length === 0) return []
  // A document that existed before may be shown by others; a new one is not yet.
  const existed = Boolean(write.before)
  switch (collection) {
    case 'posts':
      return [
        ...(await listedPostTags(req, visible as unknown as PostRelations[])),
        ...(existed ? await postDependents(req, id) : []),
      ]
    case 'pages':
      return slugged(visible).flatMap(pageTags)
    case 'categories':
      return [
        ...slugged(visible).flatMap(categoryTags),
        ...(existed ? await categoryDependents(req, id) : []),
      ]
    case 'authors':
      return [
        ...slugged(visible).flatMap(authorTags),
        ...(existed ? await authorDependents(req, id) : []),
      ]
    case 'media':
      return existed ? mediaDependents(req, id) : []
  }
}

function expire(tags: readonly string[], payload: Payload, reason: string, wholeSite = false) {
  if (tags.length === 0 && !wholeSite) return
  try {
    // `expire: 0`: the next request renders fresh content instead of serving the old one.
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
    if (wholeSite) {
      // Every page and route has the root layout's implicit tag, and so does the data it read.
      revalidatePath('/', 'layout')
      revalidatePath('/sitemap.xml')
      revalidatePath('/feed.xml')
    }
    payload.logger.info(`Revalidated ${wholeSite ? 'the whole site' : tags.join(', ')} (${reason})`)
  } catch (error) {
    // Outside a Next.js server (scripts, tests) there is no cache to purge.
    payload.logger.debug({ err: error, msg: `Revalidation skipped (${reason})` })
  }
}

async function revalidateWrite(
  collection: string,
  id: string,
  write: Write<Doc>,
  req: PayloadRequest,
  reason: string,
) {
  if (write.versionOnly) {
    req.payload.logger.debug(`Nothing to revalidate: only a draft was saved (${reason})`)
    return
  }
  try {
    const tags = await tagsOfWrite(collection as Revalidated, id, write, req)
    expire(uniqueTags(tags), req.payload, reason)
  } catch (error) {
    // Could not tell what shows the document: better a full purge than a stale page.
    req.payload.logger.error({ err: error, msg: `Revalidation by tag failed (${reason})` })
    expire([], req.payload, reason, true)
  }
}

export const revalidateOnChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (context.disableRevalidate) return doc
  const id = String(doc.id)
  const note = noteOf(context, collection.slug)
  const live = note && id in note.live ? note.live[id] : (previousDoc as Doc | undefined)
  const write: Write<Doc> = {
    versionOnly: operation === 'update' && Boolean(note?.versionOnly),
    before: operation === 'create' ? null : live,
    after: doc as Doc,
  }
  await revalidateWrite(collection.slug, id, write, req, `${collection.slug} ${id} ${operation}`)
  return doc
}

const deletedKey = (collection: string, id: string | number) =>
  `revalidate:deleted:${collection}:${id}`

/**
 * beforeDelete: what shows the document, found while its relationships still exist. After the
 * delete the database has already dropped them (a category's rows in posts_rels, an author or a
 * hero image set to null), so the articles showing it could no longer be found.
 */
export const rememberDeletedDependents: CollectionBeforeDeleteHook = async ({
  collection,
  context,
  id,
  req,
}) => {
  if (context.disableRevalidate) return
  const doc = await req.payload.findByID({
    collection: collection.slug,
    id,
    depth: 0,
    draft: false,
    disableErrors: true,
    req,
  })
  if (!doc) return
  const write: Write<Doc> = { versionOnly: false, before: doc as unknown as Doc, after: null }
  try {
    const tags = await tagsOfWrite(collection.slug as Revalidated, String(id), write, req)
    // On `req.context` as it is now, not `context`: each Local API call above replaced the
    // request's context object with a copy, and afterDelete gets the request's current one.
    req.context[deletedKey(collection.slug, id)] = tags
  } catch (error) {
    // revalidateOnDelete tries again, and purges the whole site if it cannot tell either.
    req.payload.logger.warn({ err: error, msg: `Dependents of ${collection.slug} ${id} not read` })
  }
}

export const revalidateOnDelete: CollectionAfterDeleteHook = async ({
  collection,
  context,
  doc,
  req,
}) => {
  if (context.disableRevalidate) return doc
  const id = String(doc.id)
  const reason = `${collection.slug} ${id} deleted`
  const remembered = context[deletedKey(collection.slug, id)]
  if (Array.isArray(remembered)) {
    expire(uniqueTags(remembered as string[]), req.payload, reason)
    return doc
  }
  const write: Write<Doc> = { versionOnly: false, before: doc as Doc, after: null }
  await revalidateWrite(collection.slug, id, write, req, reason)
  return doc
}

/** The Clinic global is read by the layout: every page shows it. */
export const revalidateGlobalOnChange: GlobalAfterChangeHook = ({ global, doc, req }) => {
  if (!req.context.disableRevalidate) {
    expire([TAGS.clinic], req.payload, `${global.slug} changed`)
  }
  return doc
}
