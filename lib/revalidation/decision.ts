import { authorTag, categoryTag, pageTag, postTag, TAGS } from '@/lib/cache-tags'
import { relationId } from '@/lib/people'

/*
 * What a write changed for patients, and which cache tags that touches: pure functions, so
 * every case is unit tested. The hooks that feed them live in lib/revalidate.ts.
 */

type Status = 'draft' | 'published' | null | undefined

/** A write as the revalidation sees it, in terms of the live (main) document. */
export type Write<T> = {
  /** Only a draft version was saved: the live document, what patients see, is untouched. */
  versionOnly: boolean
  /** The live document before the write; none on create. */
  before: T | null | undefined
  /** The live document after the write; none on delete. */
  after: T | null | undefined
}

/**
 * Whether an operation only saves a draft version, as Payload decides it: an update with
 * `draft` (draft save, autosave) writes a version unless it publishes; a version restored with
 * `draft` likewise. Anything else writes the live document.
 */
export function savesOnlyAVersion(
  operation: string,
  args: { draft?: unknown; data?: { _status?: unknown } | null },
): boolean {
  if (operation === 'restoreVersion') return Boolean(args.draft)
  if (operation === 'update') return Boolean(args.draft) && args.data?._status !== 'published'
  return false
}

/**
 * The versions of a document patients could see before the write or can see after it. Empty
 * means nothing public changed (a draft save, an autosave, a change to a never-published
 * draft): nothing to revalidate. In a collection without drafts every document is public.
 */
export function publicVersions<T extends object>(
  write: Write<T>,
  { drafts }: { drafts: boolean },
): T[] {
  if (write.versionOnly) return []
  const isPublic = (doc: T) => !drafts || (doc as { _status?: Status })._status === 'published'
  return [write.before, write.after].filter((doc): doc is T => Boolean(doc) && isPublic(doc!))
}

/** A relationship value: an id, or the populated document. */
type Ref = string | { id: string; slug?: string | null } | null | undefined

/** Slugs of categories and authors by id, for relationships that were not populated. */
export type RelationSlugs = {
  categories: ReadonlyMap<string, string>
  authors: ReadonlyMap<string, string>
}

export type PostRelations = {
  slug: string
  categories?: Ref[] | null
  author?: Ref
  reviewedBy?: Ref
}

const slugOf = (ref: Ref, slugs: ReadonlyMap<string, string>): string[] => {
  if (typeof ref === 'object' && ref?.slug) return [ref.slug]
  const slug = slugs.get(relationId(ref) ?? '')
  return slug ? [slug] : []
}

/** Unpopulated category and author ids of posts: the slugs to look up. */
export function unresolvedRelations(posts: readonly PostRelations[]): {
  categories: string[]
  authors: string[]
} {
  const ids = (refs: Ref[]) =>
    refs.flatMap((ref) => (typeof ref === 'string' && ref !== '' ? [ref] : []))
  return {
    categories: [...new Set(ids(posts.flatMap((post) => post.categories ?? [])))],
    authors: [...new Set(ids(posts.flatMap((post) => [post.author, post.reviewedBy])))],
  }
}

/**
 * A published post shows on its page, in every listing (sitemap and feed included), on its
 * categories' pages (and in their articles' related posts) and on its author's and medical
 * reviewer's pages.
 */
export function postTags(post: PostRelations, slugs: RelationSlugs): string[] {
  return [
    postTag(post.slug),
    TAGS.posts,
    ...(post.categories ?? []).flatMap((ref) => slugOf(ref, slugs.categories).map(categoryTag)),
    ...[post.author, post.reviewedBy].flatMap((ref) => slugOf(ref, slugs.authors).map(authorTag)),
  ]
}

export const pageTags = (page: { slug: string }) => [pageTag(page.slug), TAGS.pages]
export const categoryTags = (category: { slug: string }) => [
  categoryTag(category.slug),
  TAGS.categories,
]
export const authorTags = (author: { slug: string }) => [authorTag(author.slug), TAGS.authors]

/** Each tag once, in a stable order (for logs and tests). */
export const uniqueTags = (tags: readonly string[]) => [...new Set(tags)].sort()

type LexicalNode = { type?: unknown; relationTo?: unknown; value?: unknown; children?: unknown }

/** The media documents a Lexical rich-text value shows as uploads, each once, in order. */
export function uploadsIn(richText: unknown): string[] {
  const ids = new Set<string>()
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    const { type, relationTo, value, children } = node as LexicalNode
    if (type === 'upload' && relationTo === 'media') {
      const id = relationId(value as Ref)
      if (id) ids.add(id)
    }
    if (Array.isArray(children)) children.forEach(visit)
  }
  visit((richText as { root?: unknown } | null | undefined)?.root)
  return [...ids]
}
