import { paginatedSlugRoute } from '@/components/PaginatedSlugRoute'
import { categoryPath } from '@/lib/paths'

import { CategoryListing, categoryMetadata } from '../../category-listing'

const route = paginatedSlugRoute({
  Listing: CategoryListing,
  metadata: categoryMetadata,
  firstPagePath: categoryPath,
})

// Rendered on first request, then cached and expired by tag (see app/(frontend)/blog/pagina).
export function generateStaticParams(): { page: string }[] {
  return []
}

export const generateMetadata = route.generateMetadata
export default route.Page
