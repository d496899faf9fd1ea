import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { NOT_FOUND_METADATA } from '@/lib/page-metadata'
import { authorPath } from '@/lib/paths'
import { parsePageNumber } from '@/lib/queries/listing'

import { AuthorListing, authorMetadata } from '../../author-listing'

type Props = { params: Promise<{ slug: string; page: string }> }

// Rendered on first request, then cached and expired by tag (see app/(frontend)/blog/pagina).
export function generateStaticParams(): { page: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page: raw } = await params
  const page = parsePageNumber(raw)
  return page ? authorMetadata(slug, page) : NOT_FOUND_METADATA
}

export default async function AuthorPaginatedPage({ params }: Props) {
  const { slug, page: raw } = await params
  const page = parsePageNumber(raw)
  if (!page) notFound()
  // Page 1 has one address (next.config.ts redirects it first; this covers any other way in).
  if (page === 1) permanentRedirect(authorPath(slug))
  return <AuthorListing slug={slug} page={page} />
}
