import Link from 'next/link'

import type { Post } from '@/payload-types'
import { formatDateIt } from '@/lib/dates'
import { postPath } from '@/lib/paths'

type PostSummary = Pick<Post, 'title' | 'slug' | 'excerpt' | 'publishedAt'>

export function PostCard({ post, headingLevel = 2 }: { post: PostSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const published = formatDateIt(post.publishedAt)
  return (
    <article className="post-card">
      <Heading className="post-card__title">
        <Link href={postPath(post.slug)}>{post.title}</Link>
      </Heading>
      {published && post.publishedAt ? (
        <p className="post-card__meta">
          <time dateTime={post.publishedAt}>{published}</time>
        </p>
      ) : null}
      {post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null}
    </article>
  )
}
