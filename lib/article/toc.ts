import { createHeadingIdGenerator } from '@/lib/richtext/heading-ids'
import { lexicalHeadings, type LexicalStateLike } from '@/lib/text-import'

export type TocEntry = { id: string; text: string; level: 2 | 3 }

/**
 * The table of contents of an article: its h2 and h3 headings with the same anchor ids the
 * rich-text renderer gives them (ids are generated for every heading, in document order).
 */
export function tableOfContents(content: LexicalStateLike | null | undefined): TocEntry[] {
  if (!content?.root) return []
  const headingId = createHeadingIdGenerator()
  const entries: TocEntry[] = []
  for (const heading of lexicalHeadings(content)) {
    const id = headingId(heading.text)
    if (heading.level === 2 || heading.level === 3) {
      entries.push({ id, text: heading.text, level: heading.level })
    }
  }
  return entries
}
