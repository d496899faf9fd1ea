/** What related-post selection needs to know about a post. */
export type RelatedCandidate = {
  id: string
  publishedAt?: string | null
  categoryIds: string[]
}

export const RELATED_POSTS_SHOWN = 3

/**
 * Related reading under an article: the editor's hand-picked posts first (in their order),
 * then posts sharing a category, newest first. Never the article itself, never a post that is
 * not among the published candidates (so drafts cannot slip in), no duplicates, at most 3.
 */
export function selectRelatedPosts<T extends RelatedCandidate>({
  article,
  handPickedIds,
  published,
  limit = RELATED_POSTS_SHOWN,
}: {
  article: RelatedCandidate
  handPickedIds: string[]
  published: T[]
  limit?: number
}): T[] {
  const byId = new Map(published.map((post) => [post.id, post]))
  const chosen = new Map<string, T>()
  const add = (post: T | undefined) => {
    if (!post || post.id === article.id || chosen.size >= limit) return
    chosen.set(post.id, post)
  }

  for (const id of handPickedIds) add(byId.get(id))

  const categories = new Set(article.categoryIds)
  const sharingCategory = published
    .filter((post) => post.categoryIds.some((id) => categories.has(id)))
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
  for (const post of sharingCategory) add(post)

  return [...chosen.values()]
}
