import { describe, expect, it } from '@jest/globals'
import { reviewStatus } from '@/lib/editorial/review'

// Noon in Rome (CET, UTC+1) on 15 March 2026.
const now = new Date('2026-03-15T11:00:00Z')

describe('reviewStatus', () => {
  it.each([null, undefined, '', 'not a date'])('is expired when the date is %j', (value) => {
    expect(reviewStatus(value, now)).toEqual({ expired: true, label: 'scaduta' })
  })

  it('is still valid exactly 12 months after the review', () => {
    expect(reviewStatus('2025-03-15T09:00:00Z', now)).toEqual({
      expired: false,
      label: 'valida fino al 15 marzo 2026',
    })
  })

  it('is expired 12 months and 1 day after the review', () => {
    expect(reviewStatus('2025-03-14T09:00:00Z', now)).toEqual({ expired: true, label: 'scaduta' })
  })

  it('is valid for a recent review', () => {
    expect(reviewStatus('2025-09-01', now)).toEqual({
      expired: false,
      label: 'valida fino al 1 settembre 2026',
    })
  })

  it('uses the Rome calendar day, not the UTC one', () => {
    // 23:30 UTC on 14 March 2025 is already 15 March in Rome.
    expect(reviewStatus('2025-03-14T23:30:00Z', now).expired).toBe(false)
    // 23:30 in Rome on 15 March 2026 is 22:30 UTC: still the last valid day.
    expect(reviewStatus('2025-03-15T10:00:00Z', new Date('2026-03-15T22:30:00Z')).expired).toBe(
      false,
    )
    // 00:30 in Rome on 16 March 2026 (23:30 UTC on the 15th): expired.
    expect(reviewStatus('2025-03-15T10:00:00Z', new Date('2026-03-15T23:30:00Z')).expired).toBe(
      true,
    )
  })

  it('runs a 29 February review to 28 February', () => {
    expect(reviewStatus('2024-02-29T12:00:00Z', new Date('2025-02-28T12:00:00Z'))).toEqual({
      expired: false,
      label: 'valida fino al 28 febbraio 2025',
    })
    expect(reviewStatus('2024-02-29T12:00:00Z', new Date('2025-03-01T12:00:00Z')).expired).toBe(
      true,
    )
  })
})
