export type { ArticleBlock, ParsedArticle } from './types'
// articleBlocksToLexical comes from ./markdown: it also accepts the Markdown blocks (lists,
// formatted runs, links) and gives the same output as ./to-lexical for plain blocks.
export type { InlineRun, ParsedRichArticle, RichArticleBlock } from './markdown'
export { TextImportError, type TextImportErrorCode } from './errors'
export { HEADING_MAX_LENGTH, TITLE_MAX_LENGTH, parsePlainTextArticle } from './parse-plain-text'
export { lexicalHeadings, lexicalToPlainText } from './to-lexical'
export {
  TEXT_FORMAT_BOLD,
  TEXT_FORMAT_ITALIC,
  articleBlocksToLexical,
  parseInline,
  parseMarkdownArticle,
} from './markdown'
export type {
  LexicalInlineNode,
  LexicalLinkNode,
  LexicalListItemNode,
  LexicalListNode,
  LexicalRichBlockNode,
  LexicalRichEditorState,
  LexicalRichParagraphNode,
} from './markdown'
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
