/**
 * How the admin shows dates: Italian order and a 24-hour clock. Payload's date picker ignores
 * `admin.dateFormat` and falls back to US patterns ("Nov 30, 2026 8:45 AM", a 12-hour time
 * list), so every date field sets its own format with one of these. Lists and the document
 * sidebar (createdAt, updatedAt) use `ADMIN_DATE_TIME_FORMAT` through `admin.dateFormat`.
 */
export const ADMIN_DATE_FORMAT = 'dd/MM/yyyy'
export const ADMIN_DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm'

/** A day and a time, e.g. 30/11/2026 08:45. */
export const adminDateTime = {
  pickerAppearance: 'dayAndTime',
  displayFormat: ADMIN_DATE_TIME_FORMAT,
  timeFormat: 'HH:mm',
  timeIntervals: 15,
} as const

/** A day only, e.g. 30/11/2026. */
export const adminDay = { pickerAppearance: 'dayOnly', displayFormat: ADMIN_DATE_FORMAT } as const

/**
 * The clinic's zone, the only one offered where a date field enables a time-zone choice.
 * Fields without `timezone` show the browser's local time (the staff work in Italy).
 */
export const ADMIN_TIME_ZONE = 'Europe/Rome'
export const adminTimezones = {
  supportedTimezones: [{ label: 'Europa/Roma', value: ADMIN_TIME_ZONE }],
  defaultTimezone: ADMIN_TIME_ZONE,
}
