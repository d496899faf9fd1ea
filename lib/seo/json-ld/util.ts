import type { BreadcrumbList, IdReference } from 'schema-dts'

import { absoluteUrl } from '../url'
import { jsonLdId } from './ids'

export type Breadcrumb = { name: string; path: string }

export const ref = (id: string): IdReference => ({ '@id': id })

/**
 * A copy without `undefined` values or empty arrays, at any depth: the builders list every
 * property and let missing CMS fields vanish here.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== undefined).map((item: unknown) => compact(item)) as T
  }
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined && !(Array.isArray(item) && item.length === 0))
    .map(([key, item]) => [key, compact(item)])
  return Object.fromEntries(entries) as T
}

/** A single value as is, several as an array, none as undefined (dropped by `compact`). */
export function oneOrMany<T>(values: T[]): T | T[] | undefined {
  if (values.length <= 1) return values[0]
  return values
}

const romeDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** `yyyy-mm-dd` of the day in Italy (a date picked in the admin is midnight Rome time). */
export function isoDate(value: string | Date | null | undefined): string | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return undefined
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    romeDate.formatToParts(date).find((p) => p.type === type)?.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** The page trail as a BreadcrumbList (positions from 1, absolute URLs); null when empty. */
export function breadcrumbNode(
  pageUrl: string,
  breadcrumbs: readonly Breadcrumb[],
  siteUrl: string,
): Exclude<BreadcrumbList, string> | null {
  if (breadcrumbs.length === 0) return null
  return {
    '@type': 'BreadcrumbList',
    '@id': jsonLdId.breadcrumb(pageUrl),
    itemListElement: breadcrumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path, siteUrl),
    })),
  }
}
