import { paginatedSlugRoute } from '@/components/PaginatedSlugRoute'
import { authorPath } from '@/lib/paths'

import { AuthorListing, authorMetadata } from '../../author-listing'

const route = paginatedSlugRoute({
  Listing: AuthorListing,
  metadata: authorMetadata,
  firstPagePath: authorPath,
})

// Rendered on first request, then cached and expired by tag (see app/(frontend)/blog/pagina).
export function generateStaticParams(): { page: string }[] {
  return []
}

export const generateMetadata = route.generateMetadata
export default route.Page
