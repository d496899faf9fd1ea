export type ReviewStatus = { expired: boolean; label: string }

/** Medical content must be reviewed again within this many calendar months. */
export const REVIEW_VALIDITY_MONTHS = 12

const TIME_ZONE = 'Europe/Rome'
const HOUR = 60 * 60 * 1000

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

// Same day N months later (or earlier, for a negative N); a day the target month lacks
// becomes its last day.
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.month - 1 + months
  const year = date.year + Math.floor(index / 12)
  const month = (((index % 12) + 12) % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { year, month, day: Math.min(date.day, lastDay) }
}

function nextDay(date: CalendarDate): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1))
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }
}

// Midnight in Rome at the start of a calendar day. Rome is UTC+1 (CET) or UTC+2 (CEST) and
// switches at 01:00 UTC, never at midnight: midnight is 22:00 UTC of the day before when that
// instant already falls on the day in Rome (summer time), otherwise 23:00 UTC.
function romeMidnight(date: CalendarDate): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day)
  const summer = new Date(utcMidnight - 2 * HOUR)
  return compare(romeDate(summer), date) === 0 ? summer : new Date(utcMidnight - HOUR)
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/**
 * The earliest review instant still valid at `now`: midnight in Rome at the start of the first
 * calendar day whose 12 months reach today. `reviewStatus(date, now).expired` is exactly
 * "no date, or a date before this instant". On 29 February the previous year has no 29
 * February, and a review on 28 February ran only to 28 February, so the first valid day is
 * 1 March.
 */
export function reviewValidFrom(now: Date = new Date()): Date {
  const today = romeDate(now)
  let first = addMonths(today, -REVIEW_VALIDITY_MONTHS)
  if (compare(addMonths(first, REVIEW_VALIDITY_MONTHS), today) < 0) first = nextDay(first)
  return romeMidnight(first)
}

/**
 * The posts whose medical review is expired at `now` (no review date, or one before
 * `reviewValidFrom(now)`), as a Payload `where` in the `or` of `and` shape the admin's filter
 * builder shows and edits. `exists` is the string 'false', as that builder writes it: it reads
 * a boolean `false` as "no value yet" and drops the condition. Both database adapters accept it.
 */
export function expiredReviewWhere(now: Date = new Date()) {
  return {
    or: [
      { and: [{ lastReviewedAt: { exists: 'false' } }] },
      { and: [{ lastReviewedAt: { less_than: reviewValidFrom(now).toISOString() } }] },
    ],
  }
}

/**
 * Whether a list query's `where` is the expired-review filter for `now`. Values compare as
 * text: a `where` read back from the URL holds only strings.
 */
export function isExpiredReviewWhere(where: unknown, now: Date = new Date()): boolean {
  const asText = (value: unknown) =>
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'boolean' || typeof item === 'number' ? String(item) : item,
    )
  return where != null && asText(where) === asText(expiredReviewWhere(now))
}
