import type { ReactNode } from 'react'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { Byline } from '@/components/Byline'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import type { Author, Category, Clinic, Media, Post } from '@/payload-types'
import { readingMinutes, readingTimeLabel } from '@/lib/article/reading-time'
import { tableOfContents } from '@/lib/article/toc'
import { medicalDisclaimer } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { categoryPath, postPath } from '@/lib/paths'
import { populated } from '@/lib/people'
import type { PostSummary } from '@/lib/queries/posts'
import { articleGraph } from '@/lib/seo/json-ld'
import { lexicalToPlainText } from '@/lib/text-import'

import { AppointmentCta } from './AppointmentCta'
import { Faq } from './Faq'
import { References } from './References'
import { ProcedureFacts } from './ProcedureFacts'
import { RelatedPosts } from './RelatedPosts'
import { TableOfContents } from './TableOfContents'

/**
 * The whole article as patients see it; the draft preview renders the same view with a banner
 * and without structured data.
 */
export function ArticleView({
  post,
  clinic,
  related,
  banner,
  structuredData = true,
}: {
  post: Post
  clinic: Clinic
  related: PostSummary[]
  banner?: ReactNode
  structuredData?: boolean
}) {
  const hero = populated<Media>(post.heroImage)
  const category = populated<Category>(post.categories?.[0])
  const toc = tableOfContents(post.content)
  const minutes = readingMinutes(lexicalToPlainText(post.content))

  const breadcrumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    ...(category ? [{ name: category.title, path: categoryPath(category.slug) }] : []),
    { name: post.title, path: postPath(post.slug) },
  ]

  return (
    <article className="article">
      {banner}
      {structuredData ? (
        <JsonLd nodes={articleGraph({ post, siteUrl: getEnv().siteUrl, clinic, breadcrumbs })} />
      ) : null}
      <Breadcrumbs items={breadcrumbs} />
      <header className="article__header">
        <h1>{post.title}</h1>
        {post.excerpt ? <p className="article__lead">{post.excerpt}</p> : null}
        <Byline
          author={populated<Author>(post.author)}
          reviewer={populated<Author>(post.reviewedBy)}
          lastReviewedAt={post.lastReviewedAt}
          publishedAt={post.publishedAt}
          updatedAt={post.updatedAt}
          readingTime={readingTimeLabel(minutes)}
        />
      </header>
      {hero ? (
        <MediaImage
          media={hero}
          preload
          sizes="(min-width: 48rem) 44rem, 100vw"
          className="article__hero"
        />
      ) : null}
      <TableOfContents entries={toc} />
      <RichText data={post.content} className="article__body" />
      <ProcedureFacts procedure={post.procedure} />
      <Faq items={post.faq} />
      <References items={post.references} />
      <p className="disclaimer">
        <strong>Avvertenza:</strong> {medicalDisclaimer(clinic)}
      </p>
      <AppointmentCta phone={clinic.phone} />
      <RelatedPosts posts={related} />
    </article>
  )
}
