import { describe, expect, it } from '@jest/globals'

import { selectRelatedPosts, type RelatedCandidate } from '@/lib/article/related'

const post = (id: string, publishedAt: string, categoryIds: string[]): RelatedCandidate => ({
  id,
  publishedAt,
  categoryIds,
})

const article = post('post-1', '2026-01-01', ['cat-10'])
const published = [
  article,
  post('post-2', '2026-02-01', ['cat-10']),
  post('post-3', '2026-03-01', ['cat-10']),
  post('post-4', '2026-04-01', ['cat-20']),
  post('post-5', '2026-05-01', ['cat-10', 'cat-20']),
  post('post-6', '2026-06-01', []),
]
const ids = (posts: RelatedCandidate[]) => posts.map((p) => p.id)

describe('selectRelatedPosts', () => {
  it('puts hand-picked posts first, in the editor’s order', () => {
    expect(
      ids(selectRelatedPosts({ article, handPickedIds: ['post-6', 'post-4'], published })),
    ).toEqual(['post-6', 'post-4', 'post-5'])
  })

  it('fills with posts sharing a category, newest first', () => {
    expect(ids(selectRelatedPosts({ article, handPickedIds: [], published }))).toEqual([
      'post-5',
      'post-3',
      'post-2',
    ])
  })

  it('never includes the article itself, even when hand-picked', () => {
    expect(
      ids(selectRelatedPosts({ article, handPickedIds: ['post-1', 'post-2'], published })),
    ).toEqual(['post-2', 'post-5', 'post-3'])
  })

  it('skips hand-picked posts that are not published (drafts are not among the candidates)', () => {
    expect(
      ids(selectRelatedPosts({ article, handPickedIds: ['post-99', 'post-4'], published })),
    ).toEqual(['post-4', 'post-5', 'post-3'])
  })

  it('has no duplicates and shows at most three', () => {
    const result = selectRelatedPosts({ article, handPickedIds: ['post-5', 'post-3'], published })
    expect(ids(result)).toEqual(['post-5', 'post-3', 'post-2'])
  })

  it('returns nothing for an article with no category and no picks', () => {
    expect(
      selectRelatedPosts({
        article: post('post-7', '2026-01-01', []),
        handPickedIds: [],
        published,
      }),
    ).toEqual([])
  })
})
