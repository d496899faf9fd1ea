import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { postPath } from '@/lib/paths'
import { safeHref } from '@/lib/richtext/safe-url'

type LinkFields = SerializedLinkNode['fields']

/** Where a link node leads: a post's path, a safe custom URL, or nowhere (null). */
export function richTextHref(fields: Partial<LinkFields> | undefined): string | null {
  if (fields?.linkType === 'internal') {
    const value = fields.doc?.value
    const slug = typeof value === 'object' && value !== null ? value.slug : null
    return fields.doc?.relationTo === 'posts' && typeof slug === 'string' ? postPath(slug) : null
  }
  return safeHref(fields?.url)
}

/**
 * A link in rich text. Site paths go through `next/link`; an unsafe or unresolvable target
 * (javascript:, an unpublished post …) is never a link: only its text is shown.
 */
export function RichTextLink({
  fields,
  children,
}: {
  fields: Partial<LinkFields> | undefined
  children: ReactNode
}) {
  const href = richTextHref(fields)
  if (!href) return <span>{children}</span>
  if (href.startsWith('/')) return <Link href={href}>{children}</Link>
  const newTab = fields?.newTab === true
  return (
    <a href={href} {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  )
}
