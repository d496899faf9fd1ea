import { slugify } from '@/lib/slug'

/**
 * Stable, unique anchor ids for headings, in document order: the slug of the text, with
 * `-2`, `-3` … for repeats. The table of contents and the rendered headings share it.
 * A suffixed id can equal another heading's own slug ("Intro" twice, then "Intro 2"), so
 * every id handed out is remembered and skipped when it comes up again.
 */
export function createHeadingIdGenerator(): (text: string) => string {
  const counts = new Map<string, number>()
  const used = new Set<string>()
  return (text) => {
    const base = slugify(text) || 'sezione'
    let count = counts.get(base) ?? 0
    let id: string
    do {
      count += 1
      id = count === 1 ? base : `${base}-${count}`
    } while (used.has(id))
    counts.set(base, count)
    used.add(id)
    return id
  }
}
