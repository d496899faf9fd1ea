import { PostCard } from '@/components/PostCard'
import type { PostSummary } from '@/lib/queries/posts'

export function RelatedPosts({ posts }: { posts: PostSummary[] }) {
  if (posts.length === 0) return null
  return (
    <section aria-labelledby="correlati-titolo" className="related">
      <h2 id="correlati-titolo">Potrebbe interessarti anche</h2>
      <div className="post-list">
        {posts.map((post) => (
          <PostCard key={post.id} post={post} headingLevel={3} />
        ))}
      </div>
    </section>
  )
}
