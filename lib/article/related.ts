/** What related-post selection needs to know about a post. */
export type RelatedCandidate = {
  id: number | string
  publishedAt?: string | null
  categoryIds: (number | string)[]
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
  handPickedIds: (number | string)[]
  published: T[]
  limit?: number
}): T[] {
  const byId = new Map(published.map((post) => [String(post.id), post]))
  const chosen = new Map<string, T>()
  const add = (post: T | undefined) => {
    if (!post || String(post.id) === String(article.id) || chosen.size >= limit) return
    chosen.set(String(post.id), post)
  }

  for (const id of handPickedIds) add(byId.get(String(id)))

  const categories = new Set(article.categoryIds.map(String))
  const sharingCategory = published
    .filter((post) => post.categoryIds.some((id) => categories.has(String(id))))
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
  for (const post of sharingCategory) add(post)

  return [...chosen.values()]
}
