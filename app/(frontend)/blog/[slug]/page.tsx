import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleView } from '@/components/article/ArticleView'
import type { Author, Category, Media } from '@/payload-types'
import { getEnv } from '@/lib/env'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { authorPath, postPath, socialImagePath } from '@/lib/paths'
import { populated } from '@/lib/people'
import { getClinic } from '@/lib/queries/clinic'
import { getNewestSlugs, getPostBySlug, getRelatedPosts } from '@/lib/queries/posts'
import { mediaImageForSharing } from '@/lib/seo/metadata'

type Props = { params: Promise<{ slug: string }> }

// Only the newest articles are prerendered; the others render on their first request and are
// cached from then on (dynamicParams), so the build does not grow with the archive.
export async function generateStaticParams() {
  return (await getNewestSlugs()).map((slug) => ({ slug }))
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
  return <ArticleView post={post} clinic={clinic} related={related} />
}
