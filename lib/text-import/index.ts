export type { ArticleBlock, ParsedArticle } from './types'
export { TextImportError, type TextImportErrorCode } from './errors'
export { HEADING_MAX_LENGTH, TITLE_MAX_LENGTH, parsePlainTextArticle } from './parse-plain-text'
export { articleBlocksToLexical, lexicalHeadings, lexicalToPlainText } from './to-lexical'
export type {
  LexicalBlockNode,
  LexicalDirection,
  LexicalEditorState,
  LexicalElementFormat,
  LexicalHeadingNode,
  LexicalHeadingTag,
  LexicalNodeLike,
  LexicalParagraphNode,
  LexicalRootNode,
  LexicalStateLike,
  LexicalTextNode,
} from './lexical-types'
