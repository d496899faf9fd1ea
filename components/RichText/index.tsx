import Link from 'next/link'
import type { ReactNode } from 'react'

import { createHeadingIdGenerator } from '@/lib/richtext/heading-ids'
import { safeHref } from '@/lib/richtext/safe-url'
import { postPath } from '@/lib/paths'

import { RichTextImage } from './RichTextImage'

/**
 * Renders Payload's Lexical JSON to React elements. It never injects HTML: unknown nodes are
 * skipped, text is escaped by React, and link targets go through `safeHref`.
 */
type LexicalNode = { type: string; [key: string]: unknown }
type RichTextValue = { root: { children?: unknown } } | null | undefined

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, sub: 32, sup: 64 }
const HEADING_TAGS = ['h2', 'h3', 'h4'] as const
type HeadingTag = (typeof HEADING_TAGS)[number]

const asNodes = (value: unknown): LexicalNode[] =>
  Array.isArray(value)
    ? value.filter(
        (node): node is LexicalNode => typeof node === 'object' && node !== null && 'type' in node,
      )
    : []

const asString = (value: unknown) => (typeof value === 'string' ? value : '')

function renderText(node: LexicalNode, key: number): ReactNode {
  const format = typeof node.format === 'number' ? node.format : 0
  let out: ReactNode = asString(node.text)
  if (format & FORMAT.code) out = <code>{out}</code>
  if (format & FORMAT.sub) out = <sub>{out}</sub>
  if (format & FORMAT.sup) out = <sup>{out}</sup>
  if (format & FORMAT.strikethrough) out = <s>{out}</s>
  if (format & FORMAT.underline) out = <u>{out}</u>
  if (format & FORMAT.italic) out = <em>{out}</em>
  if (format & FORMAT.bold) out = <strong>{out}</strong>
  return <span key={key}>{out}</span>
}

function linkHref(node: LexicalNode): string | null {
  const fields = (node.fields ?? {}) as {
    linkType?: string
    url?: unknown
    doc?: { relationTo?: string; value?: unknown }
  }
  if (fields.linkType === 'internal') {
    const value = fields.doc?.value
    const slug =
      typeof value === 'object' && value !== null ? (value as { slug?: unknown }).slug : null
    return fields.doc?.relationTo === 'posts' && typeof slug === 'string' ? postPath(slug) : null
  }
  return safeHref(fields.url)
}

const plainText = (node: LexicalNode): string =>
  node.type === 'text' ? asString(node.text) : asNodes(node.children).map(plainText).join('')

export function RichText({ data, className }: { data: RichTextValue; className?: string }) {
  if (!data?.root) return null
  const headingId = createHeadingIdGenerator()

  const renderChildren = (node: LexicalNode): ReactNode[] => asNodes(node.children).map(renderNode)

  function renderNode(node: LexicalNode, key: number): ReactNode {
    switch (node.type) {
      case 'text':
        return renderText(node, key)
      case 'linebreak':
        return <br key={key} />
      case 'tab':
        return ' '
      case 'paragraph':
        return <p key={key}>{renderChildren(node)}</p>
      case 'heading': {
        const Tag: HeadingTag = HEADING_TAGS.includes(node.tag as HeadingTag)
          ? (node.tag as HeadingTag)
          : 'h2'
        return (
          <Tag key={key} id={headingId(plainText(node))}>
            {renderChildren(node)}
          </Tag>
        )
      }
      case 'quote':
        return <blockquote key={key}>{renderChildren(node)}</blockquote>
      case 'list':
        return node.listType === 'number' ? (
          <ol key={key}>{renderChildren(node)}</ol>
        ) : (
          <ul key={key}>{renderChildren(node)}</ul>
        )
      case 'listitem':
        return <li key={key}>{renderChildren(node)}</li>
      case 'link':
      case 'autolink': {
        const href = linkHref(node)
        if (!href) return <span key={key}>{renderChildren(node)}</span>
        const newTab = (node.fields as { newTab?: boolean } | undefined)?.newTab === true
        return href.startsWith('/') ? (
          <Link key={key} href={href}>
            {renderChildren(node)}
          </Link>
        ) : (
          <a
            key={key}
            href={href}
            {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {renderChildren(node)}
          </a>
        )
      }
      case 'horizontalrule':
        return <hr key={key} />
      case 'upload':
        return <RichTextImage key={key} value={node.value} />
      default:
        return null
    }
  }

  return <div className={className}>{asNodes(data.root.children).map(renderNode)}</div>
}
