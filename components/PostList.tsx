import { PostCard } from '@/components/PostCard'
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
