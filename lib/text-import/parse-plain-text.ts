import { TextImportError } from './errors'
import type { ArticleBlock, ParsedArticle } from './types'

/** A one-line block longer than this is body text, never a heading. */
export const HEADING_MAX_LENGTH = 120
/** A first line longer than this is a paragraph, so the file has no real title. */
export const TITLE_MAX_LENGTH = 200

// C0 controls except tab, LF, VT, FF and CR, plus DEL and the C1 range: none occur in real prose.
const BINARY_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/
const SENTENCE_END = /[.!?:;…,]$/
// Closing quotes/brackets are looked through, so `Disse "basta."` still counts as a sentence.
const TRAILING_CLOSERS = /["'”’»›)\]]+$/

/**
 * Parses the plain-text article format used for seed and imported content:
 * the first non-empty line is the title, blank lines separate blocks, a short
 * single line without final punctuation is an h2, anything else is a paragraph.
 * Text is kept verbatim (typographic apostrophes, NBSPs, dashes); only the edges
 * of each block are trimmed and the lines of a block are joined with one space.
 */
export function parsePlainTextArticle(text: string): ParsedArticle {
  // trim() would also drop a BOM, but stripping it explicitly keeps that independent of line handling.
  const source = text.replace(/^\uFEFF/, '')
  if (source.trim() === '') {
    throw new TextImportError(
      'EMPTY',
      'The file is empty: an article needs a title line followed by paragraphs.',
    )
  }
  assertNotBinary(source)

  const [firstBlock, ...otherBlocks] = splitIntoBlocks(source)
  const [title, ...restOfFirstBlock] = firstBlock ?? []
  if (title === undefined) {
    // Unreachable after the EMPTY check, but keeps the types honest.
    throw new TextImportError('NO_TITLE', 'The file has no title line.')
  }
  const titleLength = codePointLength(title)
  if (titleLength > TITLE_MAX_LENGTH) {
    throw new TextImportError(
      'NO_TITLE',
      `The first line is ${titleLength} characters long, too long to be a title ` +
        `(maximum ${TITLE_MAX_LENGTH}): put the article title alone on the first line.`,
    )
  }

  // Lines glued under the title (no blank line between) still belong to the body.
  const bodyBlocks = restOfFirstBlock.length > 0 ? [restOfFirstBlock, ...otherBlocks] : otherBlocks
  if (bodyBlocks.length === 0) {
    throw new TextImportError(
      'NO_BODY',
      `The file only contains the title "${title}": add the article text after a blank line.`,
    )
  }

  return { title, blocks: bodyBlocks.map(toArticleBlock) }
}

/** Splits on blank (or whitespace-only) lines; each block is a list of edge-trimmed lines. */
function splitIntoBlocks(source: string): string[][] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const rawLine of source.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim()
    if (line === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

function toArticleBlock(lines: string[]): ArticleBlock {
  const [onlyLine] = lines
  if (lines.length === 1 && onlyLine !== undefined && looksLikeHeading(onlyLine)) {
    return { type: 'heading', level: 2, text: onlyLine }
  }
  return { type: 'paragraph', text: lines.join(' ') }
}

function looksLikeHeading(line: string): boolean {
  if (codePointLength(line) > HEADING_MAX_LENGTH) return false
  return !SENTENCE_END.test(line.replace(TRAILING_CLOSERS, ''))
}

function assertNotBinary(source: string): void {
  const match = BINARY_CHARACTER.exec(source)
  if (!match) return
  const code = match[0].codePointAt(0) ?? 0
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  const line = source.slice(0, match.index).split(/\r\n|\r|\n/).length
  throw new TextImportError(
    'BINARY',
    `The file does not look like plain text: it contains the control character U+${hex} ` +
      `on line ${line}. Save the article as a UTF-8 .txt file and try again.`,
  )
}

function codePointLength(s: string): number {
  return [...s].length
}
