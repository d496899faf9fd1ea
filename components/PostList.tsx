import { Pagination } from '@/components/Pagination'
import { PostCard } from '@/components/PostCard'
import type { ListingPage } from '@/lib/queries/listing'
import type { PostSummary } from '@/lib/queries/posts'

export function PostList({
  posts,
  headingLevel = 2,
  empty = 'Non ci sono ancora articoli pubblicati.',
}: {
  posts: PostSummary[]
  headingLevel?: 2 | 3
  empty?: string
}) {
  if (posts.length === 0) return <p>{empty}</p>
  return (
    <div className="post-list">
      {posts.map((post) => (
        <PostCard key={post.id} post={post} headingLevel={headingLevel} />
      ))}
    </div>
  )
}

/** One page of a paginated listing: its posts, then the previous / next links. */
export function PagedPostList({
  listing,
  pathFor,
  headingLevel,
  empty,
}: {
  listing: ListingPage
  pathFor: (page: number) => string
  headingLevel?: 2 | 3
  empty?: string
}) {
  return (
    <>
      <PostList posts={listing.docs} headingLevel={headingLevel} empty={empty} />
      <Pagination page={listing.page} totalPages={listing.totalPages} pathFor={pathFor} />
    </>
  )
}
