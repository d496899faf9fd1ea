import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { PostList } from '@/components/PostList'
import { blogPath } from '@/lib/paths'
import { getPublishedPosts } from '@/lib/queries/posts'

/** `/blog` and `/blog/pagina/<n>`: 12 articles a page, newest first; pages past the end 404. */
export async function BlogListing({ page }: { page: number }) {
  const posts = await getPublishedPosts(page)
  if (page > 1 && page > posts.totalPages) notFound()
  return (
    <>
      <Breadcrumbs
        items={[
          { name: 'Home', path: '/' },
          { name: 'Articoli', path: blogPath(page) },
        ]}
      />
      <h1>Tutti gli articoli{page > 1 ? ` – pagina ${page}` : ''}</h1>
      <PostList posts={posts.docs} />
      <Pagination page={page} totalPages={posts.totalPages} pathFor={blogPath} />
    </>
  )
}
