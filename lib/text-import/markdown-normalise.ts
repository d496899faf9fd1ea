/** What the Markdown normaliser needs to know about the editor. */
export type MarkdownEditorFeatures = {
  /** Heading levels the editor offers, ascending (h1 is never used: the page owns it). */
  headingLevels: number[]
  quote: boolean
  horizontalRule: boolean
}

/**
 * Line rewrites applied before the editor's Markdown rules run. Each one covers Markdown that
 * editors write but the editor's own importer reads differently, so that the import keeps
 * giving what the clinic's files gave before:
 * - `#` after the title and `#####`+ become the nearest heading level the editor has (its
 *   rules only know h2–h4); closing `##` are dropped; an empty heading is dropped.
 * - `1)` list markers become `1.` (the editor only reads `1.`).
 * - `***`, `___`, `- - -` become `---` (the editor's rule), or a blank line without rules.
 * - Consecutive `>` lines become one quote line (the editor glues them without a space);
 *   without quotes in the editor, the `>` is dropped and the text stays a paragraph.
 * - Link targets in `<…>` or with parentheses get `%28`/`%29`/`%20` (the editor's link rule
 *   stops at the first parenthesis and would leave the whole link as literal text).
 * - `***x***` becomes `**_x_**` (the editor's rule reads it as bold "*x" and a stray `*`).
 */
export function normaliseMarkdown(lines: string[], features: MarkdownEditorFeatures): string {
  const out: string[] = []
  let quote: string[] | undefined
  const endQuote = (): void => {
    if (quote) out.push(`> ${quote.join(' ')}`)
    quote = undefined
  }

  for (const raw of lines) {
    const quoted = QUOTE_LINE.exec(raw)
    if (quoted) {
      const text = inline((quoted[1] ?? '').trim())
      if (!features.quote) {
        out.push(text)
      } else if (text === '') {
        endQuote()
      } else {
        quote ??= []
        quote.push(text)
      }
      continue
    }
    endQuote()

    if (THEMATIC_BREAK.test(raw)) {
      out.push(features.horizontalRule ? '---' : '')
      continue
    }
    const heading = parseAtxHeading(raw)
    if (heading) {
      out.push(headingLine(heading, features.headingLevels))
      continue
    }
    out.push(inline(raw.replace(ORDERED_PAREN_ITEM, '$1$2.$3')))
  }
  endQuote()
  return out.join('\n')
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const QUOTE_LINE = /^ {0,3}>(.*)$/
const ORDERED_PAREN_ITEM = /^(\s*)(\d{1,9})\)([ \t])/
// `](<dest>)` or `](dest(with)parens "title")`: only targets the editor's rule cannot read.
const AWKWARD_LINK_TARGET =
  /\]\(\s*(<[^<>\n]*>|[^\s()<]*\([^\s()]*\)[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(\s+"[^"]*")?\s*\)/g
const TRIPLE_EMPHASIS = /\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*/g

/** An ATX heading line (`## Testo ##`): its level and text, or null. */
export function parseAtxHeading(line: string): { level: number; text: string } | null {
  const match = ATX_HEADING.exec(line)
  if (!match) return null
  return { level: match[1]?.length ?? 1, text: (match[2] ?? '').trim() }
}

function headingLine(heading: { level: number; text: string }, levels: number[]): string {
  if (heading.text === '') return ''
  const text = inline(heading.text)
  const nearest = levels.find((level) => level >= heading.level) ?? levels.at(-1)
  return nearest === undefined ? text : `${'#'.repeat(nearest)} ${text}`
}

function inline(text: string): string {
  return text
    .replace(AWKWARD_LINK_TARGET, (_match, target: string, title: string | undefined) => {
      const bare = target.startsWith('<') ? target.slice(1, -1) : target
      const encoded = bare.replace(/[() ]/g, (char) => `%${char.charCodeAt(0).toString(16)}`)
      return `](${encoded}${title ?? ''})`
    })
    .replace(TRIPLE_EMPHASIS, '**_$1_**')
}
