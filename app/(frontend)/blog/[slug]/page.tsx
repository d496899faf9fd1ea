import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { Byline } from '@/components/Byline'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import { AppointmentCta } from '@/components/article/AppointmentCta'
import { Faq } from '@/components/article/Faq'
import { ProcedureFacts } from '@/components/article/ProcedureFacts'
import { RelatedPosts } from '@/components/article/RelatedPosts'
import { TableOfContents } from '@/components/article/TableOfContents'
import type { Author, Category, Media } from '@/payload-types'
import { readingMinutes, readingTimeLabel } from '@/lib/article/reading-time'
import { tableOfContents } from '@/lib/article/toc'
import { medicalDisclaimer } from '@/lib/clinic'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { authorPath, categoryPath, postPath, socialImagePath } from '@/lib/paths'
import { populated } from '@/lib/people'
import { getClinic } from '@/lib/queries/clinic'
import { getPostBySlug, getPublishedSlugs, getRelatedPosts } from '@/lib/queries/posts'
import { articleGraph } from '@/lib/seo/json-ld'
import { mediaImageForSharing } from '@/lib/seo/metadata'
import { getEnv } from '@/lib/env'
import { lexicalToPlainText } from '@/lib/text-import'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getPublishedSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await getPostBySlug((await params).slug)
  if (!post) return NOT_FOUND_METADATA
  const categories = (post.categories ?? [])
    .map((c) => populated<Category>(c))
    .filter((c) => c !== null)
  const author = populated<Author>(post.author)
  return pageMetadata({
    path: postPath(post.slug),
    title: post.title,
    description: post.excerpt,
    seoTitle: post.meta?.title,
    seoDescription: post.meta?.description,
    // The editor's sharing image (1200×630), otherwise one generated from the title.
    image: mediaImageForSharing(populated<Media>(post.meta?.image), getEnv().siteUrl) ?? {
      url: socialImagePath(post.slug),
      width: 1200,
      height: 630,
      alt: post.title,
    },
    noindex: post.meta?.noindex ?? false,
    type: 'article',
    article: {
      publishedTime: post.publishedAt ?? undefined,
      modifiedTime: post.updatedAt,
      section: categories[0]?.title,
      tags: categories.map((category) => category.title),
      authors: author ? [`${getEnv().siteUrl}${authorPath(author.slug)}`] : [],
    },
  })
}

export default async function ArticlePage({ params }: Props) {
  const post = await getPostBySlug((await params).slug)
  if (!post) notFound()

  const [clinic, related] = await Promise.all([getClinic(), getRelatedPosts(post)])
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
      <JsonLd nodes={articleGraph({ post, siteUrl: getEnv().siteUrl, clinic, breadcrumbs })} />
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
      <p className="disclaimer">
        <strong>Avvertenza:</strong> {medicalDisclaimer(clinic)}
      </p>
      <AppointmentCta phone={clinic.phone} />
      <RelatedPosts posts={related} />
    </article>
  )
}
