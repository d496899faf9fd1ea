import type { Metadata } from 'next'

import { BlogListing } from '@/components/BlogListing'
import { pageMetadata } from '@/lib/page-metadata'
import { blogPath } from '@/lib/paths'

export function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    path: blogPath(1),
    title: 'Tutti gli articoli',
    description: 'Tutti gli articoli della clinica su piede e caviglia, dal più recente.',
  })
}

export default function BlogPage() {
  return <BlogListing page={1} />
}
