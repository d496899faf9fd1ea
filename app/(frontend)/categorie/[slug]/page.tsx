import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { PostList } from '@/components/PostList'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { getEnv } from '@/lib/env'
import { categoryPath } from '@/lib/paths'
import { getClinic } from '@/lib/queries/clinic'
import { categoryGraph } from '@/lib/seo/json-ld'
import { getPostsInCategory } from '@/lib/queries/posts'
import { getCategoryBySlug, getSlugs } from '@/lib/queries/taxonomy'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getSlugs('categories')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCategoryBySlug((await params).slug)
  if (!category) return NOT_FOUND_METADATA
  return pageMetadata({
    path: categoryPath(category.slug),
    title: category.title,
    description: category.description || `Gli articoli della clinica sul tema «${category.title}».`,
  })
}

export default async function CategoryPage({ params }: Props) {
  const category = await getCategoryBySlug((await params).slug)
  if (!category) notFound()
  const [posts, clinic] = await Promise.all([getPostsInCategory(category), getClinic()])
  const breadcrumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: category.title, path: categoryPath(category.slug) },
  ]
  return (
    <>
      <JsonLd
        nodes={categoryGraph({
          category,
          posts: posts.docs,
          siteUrl: getEnv().siteUrl,
          clinic,
          breadcrumbs,
        })}
      />
      <Breadcrumbs items={breadcrumbs} />
      <h1>{category.title}</h1>
      {category.description ? <p className="lead">{category.description}</p> : null}
      <PostList posts={posts.docs} empty="Non ci sono ancora articoli in questa categoria." />
    </>
  )
}
