import { describe, expect, it } from '@jest/globals'

import {
  expiredReviewWhere,
  isExpiredReviewWhere,
  reviewStatus,
  reviewValidFrom,
} from '@/lib/editorial/review'

// Noon in Rome (CET, UTC+1) on 15 March 2026.
const now = new Date('2026-03-15T11:00:00Z')

type Condition = { lastReviewedAt: { exists?: string; less_than?: string } }

/**
 * Applies the filter to one stored value the way the database does: `exists: 'false'` matches
 * null, `less_than` compares the stored ISO strings.
 */
function matchesFilter(lastReviewedAt: string | null, at: Date): boolean {
  return expiredReviewWhere(at).or.some(({ and }) =>
    and.every(({ lastReviewedAt: test }: Condition) => {
      if (test.exists === 'false') return lastReviewedAt === null
      return lastReviewedAt !== null && lastReviewedAt < (test.less_than ?? '')
    }),
  )
}

const shift = (date: Date, ms: number) => new Date(date.getTime() + ms).toISOString()

describe('reviewValidFrom', () => {
  it('is midnight in Rome, 12 months before today', () => {
    expect(reviewValidFrom(now).toISOString()).toBe('2025-03-14T23:00:00.000Z')
  })

  it('uses summer time when that midnight falls in it', () => {
    // 10 August 2026 in Rome: 10 August 2025 began at 22:00 UTC on the 9th (UTC+2).
    expect(reviewValidFrom(new Date('2026-08-10T08:00:00Z')).toISOString()).toBe(
      '2025-08-09T22:00:00.000Z',
    )
  })

  it('follows the Rome calendar day of `now`', () => {
    // 23:30 UTC on 15 March 2026 is already 16 March in Rome.
    expect(reviewValidFrom(new Date('2026-03-15T23:30:00Z')).toISOString()).toBe(
      '2025-03-15T23:00:00.000Z',
    )
  })

  it('starts on 1 March when today is 29 February', () => {
    // A review on 28 February 2027 ran to 28 February 2028 only.
    expect(reviewValidFrom(new Date('2028-02-29T11:00:00Z')).toISOString()).toBe(
      '2027-02-28T23:00:00.000Z',
    )
  })

  it('includes 28 February of a leap year when today is 28 February', () => {
    expect(reviewValidFrom(new Date('2025-02-28T11:00:00Z')).toISOString()).toBe(
      '2024-02-27T23:00:00.000Z',
    )
  })

  it('agrees with reviewStatus at every day of six years, morning, noon and night', () => {
    const disagreements: string[] = []
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2030, 0, 1); day += 24 * 3600 * 1000) {
      for (const hour of [0, 11, 22]) {
        const at = new Date(day + hour * 3600 * 1000)
        const validFrom = reviewValidFrom(at)
        // A later review never expires sooner, so both sides of the boundary cover every date.
        if (reviewStatus(validFrom.toISOString(), at).expired) {
          disagreements.push(`${at.toISOString()}: ${validFrom.toISOString()} is expired`)
        }
        if (!reviewStatus(shift(validFrom, -1), at).expired) {
          disagreements.push(`${at.toISOString()}: 1 ms before ${validFrom.toISOString()} is valid`)
        }
      }
    }
    expect(disagreements).toEqual([])
  })
})

describe('expiredReviewWhere', () => {
  it('selects posts without a review or reviewed before the first valid instant', () => {
    expect(expiredReviewWhere(now)).toEqual({
      or: [
        { and: [{ lastReviewedAt: { exists: 'false' } }] },
        { and: [{ lastReviewedAt: { less_than: '2025-03-14T23:00:00.000Z' } }] },
      ],
    })
  })

  it.each([
    ['no review', null],
    ['exactly at the boundary', '2025-03-14T23:00:00.000Z'],
    ['1 ms before the boundary', '2025-03-14T22:59:59.999Z'],
    ['on the last expired day, at noon', '2025-03-14T11:00:00.000Z'],
    ['on the first valid day, at noon', '2025-03-15T11:00:00.000Z'],
    ['yesterday', '2026-03-14T11:00:00.000Z'],
  ])('counts a post reviewed %s the same way as reviewStatus', (_label, lastReviewedAt) => {
    expect(matchesFilter(lastReviewedAt, now)).toBe(reviewStatus(lastReviewedAt, now).expired)
  })

  it('keeps a post reviewed exactly at the boundary out of the filter, and valid', () => {
    expect(matchesFilter('2025-03-14T23:00:00.000Z', now)).toBe(false)
    expect(reviewStatus('2025-03-14T23:00:00.000Z', now)).toEqual({
      expired: false,
      label: 'valida fino al 15 marzo 2026',
    })
  })
})

describe('isExpiredReviewWhere', () => {
  it('recognises the filter, also with a boolean `exists`', () => {
    expect(isExpiredReviewWhere(expiredReviewWhere(now), now)).toBe(true)
    const withBoolean = {
      or: [
        { and: [{ lastReviewedAt: { exists: false } }] },
        { and: [{ lastReviewedAt: { less_than: '2025-03-14T23:00:00.000Z' } }] },
      ],
    }
    expect(isExpiredReviewWhere(withBoolean, now)).toBe(true)
  })

  it('rejects no filter, other filters and the filter of another day', () => {
    expect(isExpiredReviewWhere(undefined, now)).toBe(false)
    expect(isExpiredReviewWhere({}, now)).toBe(false)
    expect(isExpiredReviewWhere({ or: [{ and: [{ title: { like: 'alluce' } }] }] }, now)).toBe(
      false,
    )
    expect(isExpiredReviewWhere(expiredReviewWhere(new Date('2026-03-10T11:00:00Z')), now)).toBe(
      false,
    )
  })
})
