import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Byline } from '@/components/Byline'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import type { Author, Media } from '@/payload-types'
import { postPath } from '@/lib/paths'
import { populated } from '@/lib/people'
import { getPostBySlug, getPublishedSlugs } from '@/lib/queries/posts'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getPublishedSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const post = await getPostBySlug(slug)
  if (!post) return { title: 'Pagina non trovata', robots: { index: false } }
  return {
    title: post.meta?.title || post.title,
    description: post.meta?.description || post.excerpt || undefined,
    alternates: { canonical: postPath(post.slug) },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const post = await getPostBySlug(slug)
  if (!post) notFound()

  const hero = populated<Media>(post.heroImage)
  return (
    <article className="article">
      <header className="article__header">
        <h1>{post.title}</h1>
        {post.excerpt ? <p className="article__lead">{post.excerpt}</p> : null}
        <Byline
          author={populated<Author>(post.author)}
          reviewer={populated<Author>(post.reviewedBy)}
          lastReviewedAt={post.lastReviewedAt}
          publishedAt={post.publishedAt}
          updatedAt={post.updatedAt}
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
      <RichText data={post.content} className="article__body" />
    </article>
  )
}
