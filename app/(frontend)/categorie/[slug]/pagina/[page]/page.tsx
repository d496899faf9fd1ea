import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { NOT_FOUND_METADATA } from '@/lib/page-metadata'
import { categoryPath } from '@/lib/paths'
import { parsePageNumber } from '@/lib/queries/listing'

import { CategoryListing, categoryMetadata } from '../../category-listing'

type Props = { params: Promise<{ slug: string; page: string }> }

// Rendered on first request, then cached and expired by tag (see app/(frontend)/blog/pagina).
export function generateStaticParams(): { page: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page: raw } = await params
  const page = parsePageNumber(raw)
  return page ? categoryMetadata(slug, page) : NOT_FOUND_METADATA
}

export default async function CategoryPaginatedPage({ params }: Props) {
  const { slug, page: raw } = await params
  const page = parsePageNumber(raw)
  if (!page) notFound()
  // Page 1 has one address (next.config.ts redirects it first; this covers any other way in).
  if (page === 1) permanentRedirect(categoryPath(slug))
  return <CategoryListing slug={slug} page={page} />
}
