import { safeHref } from '@/lib/richtext/safe-url'

import { TextImportError } from './errors'
import { checkedSource } from './source'
import type {
  LexicalDirection,
  LexicalEditorState,
  LexicalElementFormat,
  LexicalHeadingNode,
  LexicalParagraphNode,
  LexicalTextNode,
} from './lexical-types'
import { TITLE_MAX_LENGTH } from './parse-plain-text'
import { articleBlocksToLexical as plainBlocksToLexical } from './to-lexical'
import type { ArticleBlock } from './types'

/** A piece of inline text with its formatting; `href` makes it (part of) a link. */
export type InlineRun = { text: string; bold?: boolean; italic?: boolean; href?: string }

/**
 * One top-level block of an imported article. A superset of the plain-text parser's blocks:
 * `runs` is optional (a paragraph without runs is its `text`, unformatted) and lists are new.
 */
export type RichArticleBlock =
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'paragraph'; text: string; runs?: InlineRun[] }
  | { type: 'list'; ordered: boolean; items: InlineRun[][] }

/** Result of parsing a Markdown article (a superset of the plain-text `ParsedArticle`). */
export type ParsedRichArticle = { title: string; blocks: RichArticleBlock[] }

/** Lexical text format bits (lexical's IS_BOLD / IS_ITALIC). */
export const TEXT_FORMAT_BOLD = 1
export const TEXT_FORMAT_ITALIC = 2

type ElementCommon = {
  version: 1
  direction: LexicalDirection
  format: LexicalElementFormat
  indent: number
}

export type LexicalLinkNode = Omit<ElementCommon, 'version'> & {
  type: 'link'
  version: 3
  fields: { linkType: 'custom'; url: string; newTab: false }
  children: LexicalTextNode[]
}
export type LexicalInlineNode = LexicalTextNode | LexicalLinkNode
export type LexicalRichParagraphNode = Omit<LexicalParagraphNode, 'children'> & {
  children: LexicalInlineNode[]
}
export type LexicalListItemNode = ElementCommon & {
  type: 'listitem'
  value: number
  children: LexicalInlineNode[]
}
export type LexicalListNode = ElementCommon & {
  type: 'list'
  listType: 'bullet' | 'number'
  tag: 'ul' | 'ol'
  start: number
  children: LexicalListItemNode[]
}
export type LexicalRichBlockNode = LexicalHeadingNode | LexicalRichParagraphNode | LexicalListNode
export type LexicalRichEditorState = {
  root: ElementCommon & { type: 'root'; children: LexicalRichBlockNode[] }
}

const COMMON = { version: 1, direction: 'ltr', format: '', indent: 0 } as const

/**
 * Builds the Lexical JSON Payload stores for a richText field. Headings and paragraphs without
 * runs come out exactly as from the plain-text converter; formatted runs become text `format`
 * bits and link nodes, lists become `list`/`listitem` nodes.
 */
export function articleBlocksToLexical(blocks: ArticleBlock[]): LexicalEditorState
export function articleBlocksToLexical(blocks: RichArticleBlock[]): LexicalRichEditorState
export function articleBlocksToLexical(blocks: RichArticleBlock[]): LexicalRichEditorState {
  const { root } = plainBlocksToLexical([])
  return { root: { ...root, children: blocks.map(toLexicalBlock) } }
}

function toLexicalBlock(block: RichArticleBlock): LexicalRichBlockNode {
  if (block.type === 'list') {
    return {
      type: 'list',
      listType: block.ordered ? 'number' : 'bullet',
      tag: block.ordered ? 'ol' : 'ul',
      start: 1,
      ...COMMON,
      children: block.items.map((runs, index) => ({
        type: 'listitem',
        value: index + 1,
        ...COMMON,
        children: runsToLexical(runs),
      })),
    }
  }
  if (block.type === 'paragraph' && block.runs !== undefined) {
    return {
      type: 'paragraph',
      ...COMMON,
      textFormat: 0,
      textStyle: '',
      children: runsToLexical(block.runs),
    }
  }
  const [node] = plainBlocksToLexical([block]).root.children
  if (node === undefined) throw new Error('unreachable: one block in, one node out')
  return node
}

/** Text nodes with format bits; consecutive runs with the same href share one link node. */
function runsToLexical(runs: InlineRun[]): LexicalInlineNode[] {
  const nodes: LexicalInlineNode[] = []
  for (const run of runs) {
    if (run.text === '') continue
    const text: LexicalTextNode = {
      type: 'text',
      version: 1,
      text: run.text,
      format: (run.bold ? TEXT_FORMAT_BOLD : 0) | (run.italic ? TEXT_FORMAT_ITALIC : 0),
      style: '',
      mode: 'normal',
      detail: 0,
    }
    if (run.href === undefined) {
      nodes.push(text)
      continue
    }
    const last = nodes.at(-1)
    if (last?.type === 'link' && last.fields.url === run.href) {
      last.children.push(text)
    } else {
      nodes.push({
        type: 'link',
        version: 3,
        fields: { linkType: 'custom', url: run.href, newTab: false },
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [text],
      })
    }
  }
  return nodes
}

// ---------------------------------------------------------------------------------------------
// Markdown parser

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const BULLET_ITEM = /^ {0,3}[-*+][ \t]+(.*)$/
const ORDERED_ITEM = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/

type ListDraft = { type: 'list'; ordered: boolean; items: string[][] }

/**
 * Parses the small Markdown subset editors write articles in: the first `# h1` is the title,
 * `##`–`####` are headings (a later `#` becomes an h2, `#####`+ an h4), blank lines separate
 * paragraphs, `-`/`*`/`+` and `1.` lines are lists (nesting is flattened), and inline
 * `[text](url)`, `*em*`/`_em_`, `**strong**`/`__strong__`. Everything else, raw HTML
 * included, is kept as literal text and never interpreted.
 */
export function parseMarkdownArticle(text: string): ParsedRichArticle {
  const source = checkedSource(text, {
    name: 'text',
    titleLine: 'a "# Title" line',
    extension: '.md',
  })

  let title: string | undefined
  const blocks: RichArticleBlock[] = []
  let paragraph: string[] = []
  let list: ListDraft | undefined

  const flush = (): void => {
    if (paragraph.length > 0) {
      const runs = parseInline(paragraph.join(' '))
      blocks.push({ type: 'paragraph', text: runsText(runs), runs })
    }
    if (list) {
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        items: list.items.map((lines) => parseInline(lines.join(' '))),
      })
    }
    paragraph = []
    list = undefined
  }

  for (const rawLine of source.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim()
    if (line === '' || THEMATIC_BREAK.test(rawLine)) {
      flush()
      continue
    }
    const heading = ATX_HEADING.exec(rawLine)
    if (heading) {
      flush()
      const hashes = heading[1]?.length ?? 1
      const headingText = runsText(parseInline((heading[2] ?? '').trim()))
      if (headingText === '') continue
      if (hashes === 1 && title === undefined) {
        title = headingText
      } else {
        const level = Math.min(Math.max(hashes, 2), 4) as 2 | 3 | 4
        blocks.push({ type: 'heading', level, text: headingText })
      }
      continue
    }
    const bullet = BULLET_ITEM.exec(rawLine)
    const ordered = bullet ? undefined : ORDERED_ITEM.exec(rawLine)
    const item = bullet ?? ordered
    // An indented marker line inside a list is a (flattened) nested item.
    const itemText = item?.[1] ?? (list && /^\s+[-*+]\s/.test(rawLine) ? line.slice(1) : undefined)
    if (itemText !== undefined) {
      const isOrdered = ordered !== undefined && ordered !== null
      if (paragraph.length > 0 || (list && list.ordered !== isOrdered && item)) flush()
      list ??= { type: 'list', ordered: isOrdered, items: [] }
      list.items.push([itemText.trim()])
      continue
    }
    const lastItem = list?.items.at(-1)
    if (lastItem) {
      lastItem.push(line) // lazy continuation of the current list item
    } else {
      paragraph.push(line)
    }
  }
  flush()

  if (title === undefined) {
    throw new TextImportError(
      'NO_TITLE',
      'The Markdown file has no title: start it with a line like "# Titolo dell’articolo".',
    )
  }
  const titleLength = [...title].length
  if (titleLength > TITLE_MAX_LENGTH) {
    throw new TextImportError(
      'NO_TITLE',
      `The title is ${titleLength} characters long (maximum ${TITLE_MAX_LENGTH}).`,
    )
  }
  if (blocks.length === 0) {
    throw new TextImportError(
      'NO_BODY',
      `The file only contains the title "${title}": add the article text after it.`,
    )
  }
  return { title, blocks }
}

function runsText(runs: InlineRun[]): string {
  return runs.map((run) => run.text).join('')
}

type Format = { bold?: boolean; italic?: boolean; href?: string }

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>|~"']/
const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char)
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)

/** Inline Markdown → runs. Unmatched markers stay literal; adjacent equal runs are merged. */
export function parseInline(input: string, format: Format = {}): InlineRun[] {
  const runs: InlineRun[] = []
  let literal = ''
  const pushLiteral = (): void => {
    if (literal !== '') runs.push({ text: literal, ...format })
    literal = ''
  }

  let i = 0
  while (i < input.length) {
    const char = input[i] as string
    const next = input[i + 1]

    if (char === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      literal += next
      i += 2
      continue
    }

    if (char === '[') {
      const link = matchLink(input, i)
      if (link) {
        pushLiteral()
        const href = safeHref(link.url) ?? undefined
        // Unsafe targets (javascript:, data:…) keep only their text, never the URL.
        const inner = href === undefined ? { ...format } : { ...format, href }
        runs.push(...parseInline(link.text, inner))
        i = link.end
        continue
      }
    }

    if (char === '*' || char === '_') {
      const emphasis = matchEmphasis(input, i, char)
      if (emphasis) {
        pushLiteral()
        const inner: Format = { ...format }
        if (emphasis.strong) inner.bold = true
        if (emphasis.em) inner.italic = true
        runs.push(...parseInline(emphasis.content, inner))
        i = emphasis.end
        continue
      }
      // A run of markers that opens nothing is literal as a whole (so `**` never splits).
      let j = i
      while (input[j] === char) j++
      literal += input.slice(i, j)
      i = j
      continue
    }

    literal += char
    i++
  }
  pushLiteral()
  return mergeRuns(runs)
}

/** `[text](url)` or `[text](url "title")` starting at `start`; brackets may nest once. */
function matchLink(
  input: string,
  start: number,
): { text: string; url: string; end: number } | null {
  let depth = 0
  let close = -1
  for (let j = start; j < input.length; j++) {
    const c = input[j]
    if (c === '\\') {
      j++
      continue
    }
    if (c === '[') depth++
    if (c === ']' && --depth === 0) {
      close = j
      break
    }
  }
  if (close < 0 || input[close + 1] !== '(') return null
  const target = /^\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"[^"]*")?\s*\)/.exec(
    input.slice(close + 1),
  )
  if (!target) return null
  const rawUrl = target[1] ?? ''
  const url = rawUrl.startsWith('<') ? rawUrl.slice(1, -1) : rawUrl
  return { text: input.slice(start + 1, close), url, end: close + 1 + target[0].length }
}

/**
 * Emphasis opened by the marker run at `start`: `***x***` (both), `**x**` (strong), `*x*` (em).
 * Openers must be followed and closers preceded by non-space; `_` never works inside words.
 */
function matchEmphasis(
  input: string,
  start: number,
  marker: '*' | '_',
): { content: string; strong: boolean; em: boolean; end: number } | null {
  let open = 0
  while (input[start + open] === marker) open++
  if (open > 3) return null
  const contentStart = start + open
  if (isSpace(input[contentStart])) return null
  if (marker === '_' && isWordChar(input[start - 1])) return null

  let j = contentStart
  while (j < input.length) {
    if (input[j] === '\\') {
      j += 2
      continue
    }
    if (input[j] !== marker) {
      j++
      continue
    }
    let closeLength = 0
    while (input[j + closeLength] === marker) closeLength++
    const canClose =
      j > contentStart &&
      !isSpace(input[j - 1]) &&
      !(marker === '_' && isWordChar(input[j + closeLength])) &&
      // A run of another length is nested emphasis (`*a **b** c*`), except a closing `***`.
      (closeLength === open || closeLength === 3)
    if (canClose) {
      // The closer is the last `open` markers of the run (`**a *b***` → strong "a *b*").
      const closeAt = j + closeLength - open
      return {
        content: input.slice(contentStart, closeAt),
        strong: open >= 2,
        em: open !== 2,
        end: j + closeLength,
      }
    }
    j += closeLength
  }
  return null
}

function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = []
  for (const run of runs) {
    const last = merged.at(-1)
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) {
      last.text += run.text
    } else {
      merged.push({ ...run })
    }
  }
  return merged
}
