import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import type { ComponentType } from 'react'

import { NOT_FOUND_METADATA } from '@/lib/page-metadata'
import { parsePageNumber } from '@/lib/queries/listing'

type Props = { params: Promise<{ slug: string; page: string }> }

/**
 * `generateMetadata` and the page of a `<listing>/[slug]/pagina/[page]` route (a category's or an
 * author's articles, page 2 onwards): a page number that is not one answers 404, page 1 moves
 * permanently to the listing's own address.
 */
export function paginatedSlugRoute({
  Listing,
  metadata,
  firstPagePath,
}: {
  Listing: ComponentType<{ slug: string; page: number }>
  metadata: (slug: string, page: number) => Promise<Metadata>
  firstPagePath: (slug: string) => string
}) {
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { slug, page: raw } = await params
      const page = parsePageNumber(raw)
      return page ? metadata(slug, page) : NOT_FOUND_METADATA
    },
    async Page({ params }: Props) {
      const { slug, page: raw } = await params
      const page = parsePageNumber(raw)
      if (!page) notFound()
      // Page 1 has one address (next.config.ts redirects it first; this covers any other way in).
      if (page === 1) permanentRedirect(firstPagePath(slug))
      return <Listing slug={slug} page={page} />
    },
  }
}
