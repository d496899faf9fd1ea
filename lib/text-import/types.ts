/** One top-level block of an imported article, in document order. */
export type ArticleBlock =
  { type: 'heading'; level: 2 | 3 | 4; text: string } | { type: 'paragraph'; text: string }

/** Result of parsing a plain-text article: the title is kept apart from the body blocks. */
export type ParsedArticle = { title: string; blocks: ArticleBlock[] }
