import type {
  SerializedHeadingNode,
  SerializedParagraphNode,
  SerializedTextNode,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { ArticleBlock } from './types'

/** The nodes a plain-text article becomes: the editor's own serialized node types. */
export type PlainArticleNode =
  SerializedHeadingNode<SerializedTextNode> | SerializedParagraphNode<SerializedTextNode>
// The index signature (as in the package's TypedEditorState) matches Payload's generated types.
export type PlainArticleState = { [k: string]: unknown } & SerializedEditorState<PlainArticleNode>

/** Builds the rich-text JSON Payload 3 stores for a Lexical field, one top-level node per block. */
export function articleBlocksToLexical(blocks: ArticleBlock[]): PlainArticleState {
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

function toLexicalBlock(block: ArticleBlock): PlainArticleNode {
  const common = { version: 1, direction: 'ltr', format: '', indent: 0 } as const
  // Lexical normalises empty text nodes away, so an empty block gets no children.
  const children = block.text === '' ? [] : [textNode(block.text)]
  if (block.type === 'heading') {
    return { type: 'heading', tag: `h${block.level}`, ...common, children }
  }
  return { type: 'paragraph', ...common, textFormat: 0, textStyle: '', children }
}

function textNode(text: string): SerializedTextNode {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }
}

/**
 * Loose shape accepted by the readers below, so they walk any stored state (Payload's
 * generated `content` type, admin form values) without trusting its exact node types.
 */
export type LexicalNodeLike = { type: string; text?: unknown; tag?: unknown; children?: unknown }
export type LexicalStateLike = { root: LexicalNodeLike }

/** Text of every non-empty top-level block, separated by a blank line (for tests, search, excerpts). */
export function lexicalToPlainText(state: LexicalStateLike): string {
  return childNodes(state.root)
    .map(lexicalNodeText)
    .filter((text) => text !== '')
    .join('\n\n')
}

/** Every heading in document order, including nested ones, with its numeric level. */
export function lexicalHeadings(state: LexicalStateLike): { level: number; text: string }[] {
  const headings: { level: number; text: string }[] = []
  const visit = (node: LexicalNodeLike): void => {
    const level = node.type === 'heading' ? headingLevel(node.tag) : undefined
    if (level !== undefined) {
      headings.push({ level, text: lexicalNodeText(node) })
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

/**
 * The text of one node and its descendants. Heading anchors are made from it both in the
 * table of contents and in the rendered article, so the two always agree.
 */
export function lexicalNodeText(node: LexicalNodeLike): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  const parts = childNodes(node).map(lexicalNodeText)
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
