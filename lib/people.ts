import type { Author } from '@/payload-types'

type Person = Pick<Author, 'honorific' | 'name'>

/** "Dott. Mario Rossi" — honorific and name, as patients expect to read it. */
export const displayName = (person: Person) =>
  [person.honorific?.trim(), person.name.trim()].filter(Boolean).join(' ')

/** A relationship field holds an id until populated; pages only use populated documents. */
export function populated<T extends { id: string }>(
  value: T | string | null | undefined,
): T | null {
  return typeof value === 'object' && value !== null ? value : null
}

/** The id behind a relationship value, populated or not. */
export function relationId(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'object' && value !== null ? value.id : (value ?? undefined)
}
