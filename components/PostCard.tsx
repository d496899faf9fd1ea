import Link from 'next/link'

import type { Category, Media, Post } from '@/payload-types'
import { MediaImage } from '@/components/MediaImage'
import { readingTimeLabel } from '@/lib/article/reading-time'
import { formatDateIt } from '@/lib/dates'
import { postPath } from '@/lib/paths'
import { populated } from '@/lib/people'

type CardPost = Pick<Post, 'title' | 'slug' | 'excerpt' | 'publishedAt'> &
  Partial<Pick<Post, 'heroImage' | 'categories'>> & { readingMinutes?: number }

/** Three columns on wide screens, two on tablets, the full width on phones (.post-list). */
export const CARD_IMAGE_SIZES = '(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw'
/** The featured card: image beside the text from 48rem (.post-card--featured), full width below. */
export const FEATURED_IMAGE_SIZES = '(min-width: 72rem) 34rem, (min-width: 48rem) 50vw, 100vw'

/**
 * A post in a listing: hero image (lazy, with its dimensions: no layout shift), first category,
 * title linking to the article, date and reading time, excerpt. Only the title is a link.
 * The home page's featured card is wider (image beside the text from 48rem). Its image stays
 * lazy too: preloading it made it the phone's largest paint and delayed LCP in Lighthouse.
 */
export function PostCard({
  post,
  headingLevel = 2,
  featured = false,
}: {
  post: CardPost
  headingLevel?: 2 | 3
  featured?: boolean
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const published = formatDateIt(post.publishedAt)
  const hero = populated<Media>(post.heroImage)
  const category = populated<Category>(post.categories?.[0])
  const showDate = Boolean(published && post.publishedAt)
  return (
    <article className={featured ? 'post-card post-card--featured' : 'post-card'}>
      {hero ? (
        <MediaImage
          media={hero}
          sizes={featured ? FEATURED_IMAGE_SIZES : CARD_IMAGE_SIZES}
          className="post-card__image"
        />
      ) : null}
      <div className="post-card__body">
        {category ? <p className="chip">{category.title}</p> : null}
        <Heading className="post-card__title">
          <Link href={postPath(post.slug)}>{post.title}</Link>
        </Heading>
        {showDate || post.readingMinutes ? (
          <p className="post-card__meta">
            {showDate ? <time dateTime={post.publishedAt ?? undefined}>{published}</time> : null}
            {showDate && post.readingMinutes ? <span aria-hidden="true"> · </span> : null}
            {post.readingMinutes ? <span>{readingTimeLabel(post.readingMinutes)}</span> : null}
          </p>
        ) : null}
        {post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null}
      </div>
    </article>
  )
}
