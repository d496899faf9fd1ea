import { describe, expect, it } from '@jest/globals'
import { formatDateIt } from '@/lib/dates'

describe('formatDateIt', () => {
  it.each([
    ['2026-03-05T10:00:00Z', '5 marzo 2026'],
    ['2026-01-15T12:00:00.000Z', '15 gennaio 2026'],
    ['2026-08-01T09:00:00Z', '1 agosto 2026'],
    // Europe/Rome is UTC+1 in winter: late UTC evening is already the next day in Rome.
    ['2026-12-31T23:30:00Z', '1 gennaio 2027'],
    ['2026-12-31T22:59:59Z', '31 dicembre 2026'],
    // ... and UTC+2 in summer (CEST).
    ['2026-06-30T22:00:00Z', '1 luglio 2026'],
    ['2026-06-30T21:59:00Z', '30 giugno 2026'],
    ['2026-03-05', '5 marzo 2026'],
  ])('formats %j as %j', (input, expected) => {
    expect(formatDateIt(input)).toBe(expected)
  })

  it('accepts Date objects', () => {
    expect(formatDateIt(new Date(Date.UTC(2025, 10, 2, 23, 15)))).toBe('3 novembre 2025')
  })

  it.each([[null], [undefined], [''], ['non è una data'], ['2026-13-45']])(
    'returns null for %j',
    (input) => {
      expect(formatDateIt(input)).toBeNull()
    },
  )

  it('returns null for an invalid Date object', () => {
    expect(formatDateIt(new Date('invalid'))).toBeNull()
  })
})
