/** Dates on public pages: Italian, in the clinic's time zone. */
const TIME_ZONE = 'Europe/Rome'

const longDate = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
})

export function formatDateIt(value: string | Date | null | undefined): string | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : longDate.format(date)
}
