import { describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')

describe('related posts on the real database', () => {
  it('exclude drafts and the article itself; hand-picked first, then shared category newest first', async () => {
    const category = await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      // Not medical: these test posts have no reviewer (the publishing rule has its own tests).
      data: { title: 'Alluce valgo', slug: '', medical: false },
    })
    const publish = (title: string, publishedAt: string, extra: Record<string, unknown> = {}) =>
      ctx.payload.create({
        ...QUIET,
        collection: 'posts',
        data: {
          title,
          slug: '',
          content,
          _status: 'published',
          publishedAt,
          categories: [category.id],
          ...extra,
        },
      })
    const older = await publish('Più vecchio', '2026-01-01T10:00:00Z')
    const newer = await publish('Più recente', '2026-03-01T10:00:00Z')
    const picked = await publish('Scelto a mano', '2025-06-01T10:00:00Z', { categories: [] })
    const draft = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      draft: true,
      data: {
        title: 'Bozza correlata',
        slug: '',
        content,
        _status: 'draft',
        categories: [category.id],
      },
    })
    const article = await publish('Articolo', '2026-02-01T10:00:00Z', {
      relatedPosts: [draft.id, picked.id],
    })
    // The article also links to itself through its category: it must not appear either.
    const { getRelatedPosts } = await import('@/lib/queries/posts')
    const full = await ctx.payload.findByID({ collection: 'posts', id: article.id, depth: 0 })
    const related = await getRelatedPosts(full)
    expect(related.map((post) => post.title)).toEqual([
      'Scelto a mano',
      'Più recente',
      'Più vecchio',
    ])
    expect(related.map((post) => post.id)).not.toContain(article.id)
    expect(related.map((post) => post.id)).not.toContain(draft.id)
    expect([older.id, newer.id, picked.id]).toEqual(
      expect.arrayContaining(related.map((post) => post.id)),
    )
  })
})
