import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { BlogListing } from '@/components/BlogListing'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { blogPath } from '@/lib/paths'

type Props = { params: Promise<{ page: string }> }

/** Only canonical page numbers ("2", not "02" or "2.0"); anything else is not a page. */
const parsePage = (raw: string) => (/^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePage((await params).page)
  if (!page) return NOT_FOUND_METADATA
  return pageMetadata({
    path: blogPath(page),
    title: `Tutti gli articoli – pagina ${page}`,
    description: `Articoli della clinica su piede e caviglia, pagina ${page}.`,
  })
}

export default async function BlogPaginatedPage({ params }: Props) {
  const page = parsePage((await params).page)
  if (!page) notFound()
  if (page === 1) permanentRedirect(blogPath(1))
  return <BlogListing page={page} />
}
