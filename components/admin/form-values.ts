import type { LexicalStateLike } from '@/lib/text-import'

/** Form state values are untyped: these narrow the ones the editorial checks read. */

export function textValue(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** A date field holds an ISO string, or a Date right after the picker changed it. */
export function dateValue(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  return textValue(value)
}

export function lexicalValue(value: unknown): LexicalStateLike | null {
  const root =
    typeof value === 'object' && value !== null ? (value as { root?: unknown }).root : null
  return typeof root === 'object' && root !== null ? (value as LexicalStateLike) : null
}
