import type { Metadata } from 'next'

import { getSlugs } from '@/lib/queries/taxonomy'

import { CategoryListing, categoryMetadata } from './category-listing'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getSlugs('categories')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug, 1)
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).slug} page={1} />
}
