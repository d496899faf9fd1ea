// The Markdown import (./markdown) is imported from its own module: it loads the rich-text
// package's server code, and this index is also used by client components.
export type { ArticleBlock, ParsedArticle } from './types'
export { TextImportError, type TextImportErrorCode } from './errors'
export { HEADING_MAX_LENGTH, TITLE_MAX_LENGTH, parsePlainTextArticle } from './parse-plain-text'
export {
  articleBlocksToLexical,
  lexicalHeadings,
  lexicalNodeText,
  lexicalToPlainText,
  type LexicalNodeLike,
  type LexicalStateLike,
  type PlainArticleNode,
  type PlainArticleState,
} from './to-lexical'
