export type ReviewStatus = { expired: boolean; label: string }

/** Medical content must be reviewed again within this many calendar months. */
export const REVIEW_VALIDITY_MONTHS = 12

const TIME_ZONE = 'Europe/Rome'

const romeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
})

const italianDate = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

type CalendarDate = { year: number; month: number; day: number }

/**
 * Whether a medical review is still valid. It lasts 12 calendar months, compared on
 * Europe/Rome calendar days: reviewed on 15 March 2025, it is valid up to and including
 * 15 March 2026 and expired from 16 March 2026. A review on 29 February runs to 28 February.
 * A missing or unparseable date counts as expired.
 */
export function reviewStatus(
  lastReviewedAt: string | null | undefined,
  now: Date = new Date(),
): ReviewStatus {
  const reviewed = lastReviewedAt ? new Date(lastReviewedAt) : null
  if (!reviewed || Number.isNaN(reviewed.getTime())) return { expired: true, label: 'scaduta' }

  const validUntil = addMonths(romeDate(reviewed), REVIEW_VALIDITY_MONTHS)
  const today = romeDate(now)
  if (compare(today, validUntil) > 0) return { expired: true, label: 'scaduta' }
  const until = new Date(Date.UTC(validUntil.year, validUntil.month - 1, validUntil.day, 12))
  return { expired: false, label: `valida fino al ${italianDate.format(until)}` }
}

function romeDate(date: Date): CalendarDate {
  const parts = romeParts.formatToParts(date)
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day') }
}

// Same day N months later; a day the target month lacks becomes its last day.
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.month - 1 + months
  const year = date.year + Math.floor(index / 12)
  const month = (index % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { year, month, day: Math.min(date.day, lastDay) }
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}
