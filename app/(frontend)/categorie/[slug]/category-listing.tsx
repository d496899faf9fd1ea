import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { PagedPostList } from '@/components/PostList'
import { getEnv } from '@/lib/env'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { categoryPath } from '@/lib/paths'
import { getClinic } from '@/lib/queries/clinic'
import { getListingPage } from '@/lib/queries/listing'
import { getCategoryBySlug } from '@/lib/queries/taxonomy'
import { categoryGraph } from '@/lib/seo/json-ld'

/* A category's page and its later pages (`/categorie/<slug>/pagina/<n>`), 12 articles each. */

const pageSuffix = (page: number) => (page > 1 ? ` – pagina ${page}` : '')

export async function categoryMetadata(slug: string, page: number): Promise<Metadata> {
  const category = await getCategoryBySlug(slug)
  if (!category) return NOT_FOUND_METADATA
  return pageMetadata({
    path: categoryPath(category.slug, page),
    title: `${category.title}${pageSuffix(page)}`,
    description:
      (category.description || `Gli articoli della clinica sul tema «${category.title}».`) +
      (page > 1 ? ` Pagina ${page}.` : ''),
  })
}

export async function CategoryListing({ slug, page }: { slug: string; page: number }) {
  const category = await getCategoryBySlug(slug)
  if (!category) notFound()
  const [listing, clinic] = await Promise.all([
    getListingPage({ kind: 'category', category }, page),
    getClinic(),
  ])
  if (!listing) notFound()
  const path = categoryPath(category.slug, page)
  const breadcrumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: category.title, path },
  ]
  return (
    <>
      <JsonLd
        nodes={categoryGraph({
          category,
          posts: listing.docs,
          siteUrl: getEnv().siteUrl,
          clinic,
          breadcrumbs,
          path,
        })}
      />
      <Breadcrumbs items={breadcrumbs} />
      <h1>
        {category.title}
        {pageSuffix(page)}
      </h1>
      {category.description && page === 1 ? <p className="lead">{category.description}</p> : null}
      <PagedPostList
        listing={listing}
        pathFor={(n) => categoryPath(category.slug, n)}
        empty="Non ci sono ancora articoli in questa categoria."
      />
    </>
  )
}
