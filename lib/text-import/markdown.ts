// Imported as '@/lib/text-import/markdown', never through ./index: this module loads the
// rich-text package's server code, and ./index is also used by client components.
import {
  convertMarkdownToLexical,
  editorConfigFactory,
  type DefaultTypedEditorState,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import type { RichTextField, SanitizedConfig } from 'payload'

import { safeHref } from '@/lib/richtext/safe-url'

import { TextImportError } from './errors'
import {
  normaliseMarkdown,
  parseAtxHeading,
  type MarkdownEditorFeatures,
} from './markdown-normalise'
import { TITLE_MAX_LENGTH } from './parse-plain-text'
import { checkedSource } from './source'
import { lexicalToPlainText } from './to-lexical'

/**
 * The editor of the posts' `content` field, from the sanitized config, so an import follows
 * the same features (and Markdown rules) as the admin.
 */
export function postContentEditorConfig(config: SanitizedConfig): SanitizedServerEditorConfig {
  const field = config.collections
    .find((collection) => collection.slug === 'posts')
    ?.flattenedFields.find((candidate) => candidate.name === 'content')
  if (field?.type !== 'richText') {
    throw new Error('The posts collection has no rich-text "content" field to import into.')
  }
  return editorConfigFactory.fromField({ field: field as RichTextField })
}

/** A Markdown article: its title and the body as the editor stores it. */
export type MarkdownArticle = { title: string; content: DefaultTypedEditorState }

/**
 * Converts a Markdown article with the editor's own Markdown rules (`editorConfig`: the
 * posts' content field, see `scripts/import/run-import.ts`), so the body holds exactly the
 * nodes the editor would create: headings, lists, links, bold/italic, quotes and rules where
 * the editor has those features. The first `# h1` is the title; the file is checked first
 * (empty, binary, no title, title too long, no body) and unsafe links keep only their text.
 */
export function parseMarkdownArticle(
  text: string,
  editorConfig: SanitizedServerEditorConfig,
): MarkdownArticle {
  const source = checkedSource(text, {
    name: 'text',
    titleLine: 'a "# Title" line',
    extension: '.md',
  })
  const lines = source.split(/\r\n|\r|\n/)

  let title: string | undefined
  const titleIndex = lines.findIndex((line) => {
    const heading = parseAtxHeading(line)
    if (heading?.level !== 1) return false
    title = inlineText(heading.text, editorConfig)
    return title !== ''
  })
  if (titleIndex < 0 || title === undefined) {
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

  const body = lines.filter((_, index) => index !== titleIndex)
  const markdown = normaliseMarkdown(body, editorFeatures(editorConfig))
  const content = convertMarkdownToLexical({ editorConfig, markdown })
  unwrapUnsafeLinks(content.root)
  if (lexicalToPlainText(content) === '') {
    throw new TextImportError(
      'NO_BODY',
      `The file only contains the title "${title}": add the article text after it.`,
    )
  }
  return { title, content }
}

function editorFeatures(editorConfig: SanitizedServerEditorConfig): MarkdownEditorFeatures {
  const features = editorConfig.resolvedFeatureMap
  const headingProps = features.get('heading')?.sanitizedServerFeatureProps as
    { enabledHeadingSizes?: string[] } | undefined
  // HeadingFeature() without sizes offers all six (its own default).
  const headingLevels = (headingProps?.enabledHeadingSizes ?? ['h2', 'h3', 'h4', 'h5', 'h6'])
    .map((tag) => Number(tag.slice(1)))
    .filter((level) => level >= 2 && level <= 6)
    .sort((a, b) => a - b)
  return {
    headingLevels: features.has('heading') ? headingLevels : [],
    quote: features.has('blockquote'),
    horizontalRule: features.has('horizontalRule'),
  }
}

/** The plain text of one line of inline Markdown (bold, links … dropped, text kept). */
function inlineText(markdown: string, editorConfig: SanitizedServerEditorConfig): string {
  // A leading "." keeps text such as "1. Introduzione" or "- nota" from reading as a block.
  const state = convertMarkdownToLexical({ editorConfig, markdown: `.${markdown}` })
  return lexicalToPlainText(state).slice(1).trim()
}

type NodeWithChildren = { type: string; children?: unknown[]; fields?: unknown }

/**
 * Replaces every link whose target `safeHref` refuses (javascript:, data: …) by its text, and
 * stores the cleaned URL of the others. The editor validates links on save too; unwrapping
 * here keeps an import from failing on one bad link.
 */
function unwrapUnsafeLinks(node: NodeWithChildren): void {
  if (!Array.isArray(node.children)) return
  node.children = node.children.flatMap((child) => {
    const current = child as NodeWithChildren
    unwrapUnsafeLinks(current)
    if (current.type !== 'link' && current.type !== 'autolink') return [current]
    const fields = (current.fields ?? {}) as { linkType?: string; url?: unknown }
    if (fields.linkType === 'internal') return [current]
    const href = safeHref(fields.url)
    if (href === null) return current.children ?? []
    current.fields = { ...fields, url: href }
    return [current]
  })
}
