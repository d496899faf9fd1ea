import { describe, expect, it } from '@jest/globals'

import { selectRelatedPosts, type RelatedCandidate } from '@/lib/article/related'

const post = (id: number, publishedAt: string, categoryIds: number[]): RelatedCandidate => ({
  id,
  publishedAt,
  categoryIds,
})

const article = post(1, '2026-01-01', [10])
const published = [
  article,
  post(2, '2026-02-01', [10]),
  post(3, '2026-03-01', [10]),
  post(4, '2026-04-01', [20]),
  post(5, '2026-05-01', [10, 20]),
  post(6, '2026-06-01', []),
]
const ids = (posts: RelatedCandidate[]) => posts.map((p) => p.id)

describe('selectRelatedPosts', () => {
  it('puts hand-picked posts first, in the editor’s order', () => {
    expect(ids(selectRelatedPosts({ article, handPickedIds: [6, 4], published }))).toEqual([
      6, 4, 5,
    ])
  })

  it('fills with posts sharing a category, newest first', () => {
    expect(ids(selectRelatedPosts({ article, handPickedIds: [], published }))).toEqual([5, 3, 2])
  })

  it('never includes the article itself, even when hand-picked', () => {
    expect(ids(selectRelatedPosts({ article, handPickedIds: [1, 2], published }))).toEqual([
      2, 5, 3,
    ])
  })

  it('skips hand-picked posts that are not published (drafts are not among the candidates)', () => {
    expect(ids(selectRelatedPosts({ article, handPickedIds: [99, 4], published }))).toEqual([
      4, 5, 3,
    ])
  })

  it('has no duplicates and shows at most three', () => {
    const result = selectRelatedPosts({ article, handPickedIds: [5, 3], published })
    expect(ids(result)).toEqual([5, 3, 2])
  })

  it('returns nothing for an article with no category and no picks', () => {
    expect(
      selectRelatedPosts({ article: post(7, '2026-01-01', []), handPickedIds: [], published }),
    ).toEqual([])
  })
})
