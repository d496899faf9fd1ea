import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PagedPostList } from '@/components/PostList'
import { blogPath } from '@/lib/paths'
import { ALL_POSTS, getListingPage } from '@/lib/queries/listing'

/** `/blog` and `/blog/pagina/<n>`: 12 articles a page, newest first; pages past the end 404. */
export async function BlogListing({ page }: { page: number }) {
  const listing = await getListingPage(ALL_POSTS, page)
  if (!listing) notFound()
  return (
    <>
      <Breadcrumbs
        items={[
          { name: 'Home', path: '/' },
          { name: 'Articoli', path: blogPath(page) },
        ]}
      />
      <h1>Tutti gli articoli{page > 1 ? ` – pagina ${page}` : ''}</h1>
      <PagedPostList listing={listing} pathFor={blogPath} />
    </>
  )
}
