import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { BlogListing } from '@/components/BlogListing'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { blogPath } from '@/lib/paths'
import { parsePageNumber } from '@/lib/queries/listing'

type Props = { params: Promise<{ page: string }> }

// No page is prerendered (`next build` runs against a throw-away database), but declaring the
// params makes every page ISR: rendered on its first request, then cached with `s-maxage` and
// expired by tag like `/blog`. Without it Next renders the route on every request.
export function generateStaticParams(): { page: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageNumber((await params).page)
  if (!page) return NOT_FOUND_METADATA
  return pageMetadata({
    path: blogPath(page),
    title: `Tutti gli articoli – pagina ${page}`,
    description: `Articoli della clinica su piede e caviglia, pagina ${page}.`,
  })
}

export default async function BlogPaginatedPage({ params }: Props) {
  const page = parsePageNumber((await params).page)
  if (!page) notFound()
  // next.config.ts redirects page 1 before the cache; this covers any other way in.
  if (page === 1) permanentRedirect(blogPath(1))
  return <BlogListing page={page} />
}
