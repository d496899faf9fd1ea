// Minimal structural copies of Lexical's serialized JSON (what Payload stores in a richText field),
// declared here so lib/ stays free of framework imports.

export type LexicalDirection = 'ltr' | 'rtl' | null
export type LexicalElementFormat = '' | 'left' | 'start' | 'center' | 'right' | 'end' | 'justify'
export type LexicalHeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'

export type LexicalTextNode = {
  type: 'text'
  version: 1
  text: string
  format: number
  style: string
  mode: 'normal' | 'token' | 'segmented'
  detail: number
}

type LexicalElementBase = {
  version: 1
  direction: LexicalDirection
  format: LexicalElementFormat
  indent: number
  children: LexicalTextNode[]
}

export type LexicalHeadingNode = LexicalElementBase & { type: 'heading'; tag: LexicalHeadingTag }

export type LexicalParagraphNode = LexicalElementBase & {
  type: 'paragraph'
  textFormat: number
  textStyle: string
}

export type LexicalBlockNode = LexicalHeadingNode | LexicalParagraphNode

export type LexicalRootNode = {
  type: 'root'
  version: 1
  direction: LexicalDirection
  format: LexicalElementFormat
  indent: number
  children: LexicalBlockNode[]
}

export type LexicalEditorState = { root: LexicalRootNode }

/**
 * Loose shape accepted by the readers, so they also walk states written by the Payload
 * editor (lists, links, quotes...) and Payload's own SerializedEditorState type.
 */
export type LexicalNodeLike = { type: string; text?: unknown; tag?: unknown; children?: unknown }
export type LexicalStateLike = { root: LexicalNodeLike }
