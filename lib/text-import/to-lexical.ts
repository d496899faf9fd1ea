import type {
  LexicalBlockNode,
  LexicalEditorState,
  LexicalNodeLike,
  LexicalStateLike,
  LexicalTextNode,
} from './lexical-types'
import type { ArticleBlock } from './types'

/** Builds the rich-text JSON Payload 3 stores for a Lexical field, one top-level node per block. */
export function articleBlocksToLexical(blocks: ArticleBlock[]): LexicalEditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: blocks.map(toLexicalBlock),
    },
  }
}

function toLexicalBlock(block: ArticleBlock): LexicalBlockNode {
  const common = { version: 1, direction: 'ltr', format: '', indent: 0 } as const
  // Lexical normalises empty text nodes away, so an empty block gets no children.
  const children = block.text === '' ? [] : [textNode(block.text)]
  if (block.type === 'heading') {
    return { type: 'heading', tag: `h${block.level}`, ...common, children }
  }
  return { type: 'paragraph', ...common, textFormat: 0, textStyle: '', children }
}

function textNode(text: string): LexicalTextNode {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }
}

/** Text of every non-empty top-level block, separated by a blank line (for tests, search, excerpts). */
export function lexicalToPlainText(state: LexicalStateLike): string {
  return childNodes(state.root)
    .map(nodeText)
    .filter((text) => text !== '')
    .join('\n\n')
}

/** Every heading in document order, including nested ones, with its numeric level. */
export function lexicalHeadings(state: LexicalStateLike): { level: number; text: string }[] {
  const headings: { level: number; text: string }[] = []
  const visit = (node: LexicalNodeLike): void => {
    const level = node.type === 'heading' ? headingLevel(node.tag) : undefined
    if (level !== undefined) {
      headings.push({ level, text: nodeText(node) })
      return
    }
    childNodes(node).forEach(visit)
  }
  visit(state.root)
  return headings
}

function headingLevel(tag: unknown): number | undefined {
  const match = typeof tag === 'string' ? /^h([1-6])$/.exec(tag) : null
  return match?.[1] === undefined ? undefined : Number(match[1])
}

function nodeText(node: LexicalNodeLike): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  const parts = childNodes(node).map(nodeText)
  // List items are separate lines; inline children (text, links) are concatenated.
  return parts.join(node.type === 'list' ? '\n' : '')
}

function childNodes(node: LexicalNodeLike): LexicalNodeLike[] {
  if (!Array.isArray(node.children)) return []
  return node.children.filter(isNodeLike)
}

function isNodeLike(value: unknown): value is LexicalNodeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  )
}
