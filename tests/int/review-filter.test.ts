import { beforeAll, describe, expect, it } from '@jest/globals'

import { expiredReviewWhere, reviewStatus } from '@/lib/editorial'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')

// Noon in Rome on 15 March 2026: reviews from 2025-03-14T23:00:00.000Z (midnight in Rome) are valid.
const now = new Date('2026-03-15T11:00:00Z')

const reviewDates: Record<string, string | null> = {
  'mai-revisionato': null,
  'un-ms-prima-del-limite': '2025-03-14T22:59:59.999Z',
  'esattamente-al-limite': '2025-03-14T23:00:00.000Z',
  'ultimo-giorno-scaduto': '2025-03-14T11:00:00.000Z',
  'primo-giorno-valido': '2025-03-15T11:00:00.000Z',
  'revisionato-ieri': '2026-03-14T11:00:00.000Z',
}

beforeAll(async () => {
  for (const [slug, lastReviewedAt] of Object.entries(reviewDates)) {
    await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: `Revisione ${slug}`, slug, content, lastReviewedAt, _status: 'published' },
    })
  }
}, 60_000)

describe('the expired-review filter of the posts list', () => {
  it('finds in the database exactly the posts reviewStatus calls expired', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'posts',
      where: expiredReviewWhere(now),
      sort: 'slug',
      pagination: false,
    })
    const expected = Object.entries(reviewDates)
      .filter(([, date]) => reviewStatus(date, now).expired)
      .map(([slug]) => slug)
      .sort()
    expect(docs.map((doc) => doc.slug)).toEqual(expected)
    expect(expected).toEqual(['mai-revisionato', 'ultimo-giorno-scaduto', 'un-ms-prima-del-limite'])
  })
})

describe('the focus keyphrase', () => {
  it('is stored at meta.focusKeyphrase, in the post and in its draft versions', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: {
        title: 'Alluce valgo',
        slug: 'alluce-valgo',
        content,
        meta: { focusKeyphrase: 'alluce valgo' },
        _status: 'published',
      },
    })
    expect(post.meta?.focusKeyphrase).toBe('alluce valgo')

    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { meta: { focusKeyphrase: 'intervento alluce valgo' } },
      draft: true,
    })
    const draft = await ctx.payload.findByID({ collection: 'posts', id: post.id, draft: true })
    const published = await ctx.payload.findByID({ collection: 'posts', id: post.id })
    expect(draft.meta?.focusKeyphrase).toBe('intervento alluce valgo')
    expect(published.meta?.focusKeyphrase).toBe('alluce valgo')
  })
})
