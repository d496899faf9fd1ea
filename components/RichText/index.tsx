import type { DefaultNodeTypes } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  RichText as PayloadRichText,
  type JSXConvertersFunction,
} from '@payloadcms/richtext-lexical/react'

import { createHeadingIdGenerator } from '@/lib/richtext/heading-ids'
import { lexicalNodeText } from '@/lib/text-import'

import { RichTextImage } from './RichTextImage'
import { RichTextLink } from './RichTextLink'

/** The page owns the h1; other levels the editor does not offer are shown as h2. */
const ARTICLE_HEADINGS = new Set(['h2', 'h3', 'h4'])

/**
 * Payload's JSX converters, with ours where the site differs: headings carry the anchors the
 * table of contents links to, links go through `safeHref` and `next/link`, uploads through
 * `next/image`, and nodes without a converter (blocks, embeds …) render nothing. No converter
 * ever injects HTML.
 */
function articleConverters(headingId: (text: string) => string): JSXConvertersFunction {
  return ({ defaultConverters }) => ({
    ...defaultConverters,
    heading: ({ node, nodesToJSX }) => {
      const Tag = (ARTICLE_HEADINGS.has(node.tag) ? node.tag : 'h2') as 'h2' | 'h3' | 'h4'
      // The id comes first, in document order, exactly as lib/article/toc.ts numbers them.
      const id = headingId(lexicalNodeText(node))
      return <Tag id={id}>{nodesToJSX({ nodes: node.children })}</Tag>
    },
    link: ({ node, nodesToJSX }) => (
      <RichTextLink fields={node.fields}>{nodesToJSX({ nodes: node.children })}</RichTextLink>
    ),
    autolink: ({ node, nodesToJSX }) => (
      <RichTextLink fields={node.fields}>{nodesToJSX({ nodes: node.children })}</RichTextLink>
    ),
    upload: ({ node }) => <RichTextImage value={node.value} />,
    unknown: () => null,
  })
}

type RichTextData = SerializedEditorState | { root: object } | null | undefined

/** An article or page body: Payload's server-rendered RichText with the site's converters. */
export function RichText({ data, className }: { data: RichTextData; className?: string }) {
  if (!data?.root) return null
  return (
    <PayloadRichText<DefaultNodeTypes>
      data={data as SerializedEditorState}
      className={className}
      converters={articleConverters(createHeadingIdGenerator())}
      // Alignment and indentation are not editor features here: never inline styles for them.
      disableIndent
      disableTextAlign
    />
  )
}
