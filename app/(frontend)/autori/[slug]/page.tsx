import type { Metadata } from 'next'

import { getSlugs } from '@/lib/queries/taxonomy'

import { AuthorListing, authorMetadata } from './author-listing'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getSlugs('authors')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1)
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />
}
