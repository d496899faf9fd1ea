import { slugify } from '@/lib/slug'

/**
 * Stable, unique anchor ids for headings, in document order: the slug of the text, with
 * `-2`, `-3` … for repeats. The table of contents and the rendered headings share it.
 */
export function createHeadingIdGenerator(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = slugify(text) || 'sezione'
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  }
}
