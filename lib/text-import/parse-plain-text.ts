import { TextImportError } from './errors'
import { checkedSource } from './source'
import type { ArticleBlock, ParsedArticle } from './types'

/** A one-line block longer than this is body text, never a heading. */
export const HEADING_MAX_LENGTH = 120
/** A first line longer than this is a paragraph, so the file has no real title. */
export const TITLE_MAX_LENGTH = 200

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
  const source = checkedSource(text, {
    name: 'plain text',
    titleLine: 'a title line',
    extension: '.txt',
  })

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

function codePointLength(s: string): number {
  return [...s].length
}
