import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { PagedPostList } from '@/components/PostList'
import type { Author, Media } from '@/payload-types'
import { getEnv } from '@/lib/env'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { authorPath } from '@/lib/paths'
import { displayName, populated } from '@/lib/people'
import { getClinic } from '@/lib/queries/clinic'
import { getListingPage } from '@/lib/queries/listing'
import { getAuthorBySlug } from '@/lib/queries/taxonomy'
import { mediaImageForSharing } from '@/lib/seo/metadata'
import { authorGraph } from '@/lib/seo/json-ld'
import { truncateAtWord } from '@/lib/text'

import { AuthorProfile } from './author-profile'

/*
 * A doctor's page (profile, then the articles written or reviewed) and its later pages
 * (`/autori/<slug>/pagina/<n>`: the articles only), 12 articles each.
 */

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await getAuthorBySlug(slug)
  if (!author) return NOT_FOUND_METADATA
  const name = displayName(author)
  const summary =
    [author.specialty, author.bio].filter(Boolean).join('. ') || `Gli articoli di ${name}.`
  return pageMetadata({
    path: authorPath(author.slug, page),
    title: page > 1 ? `${name}: articoli – pagina ${page}` : name,
    description:
      page > 1
        ? `Gli articoli scritti o revisionati da ${name}, pagina ${page}.`
        : truncateAtWord(summary, 155),
    image: mediaImageForSharing(populated<Media>(author.photo), getEnv().siteUrl),
  })
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author: Author | null = await getAuthorBySlug(slug)
  if (!author) notFound()
  const [listing, clinic] = await Promise.all([
    getListingPage({ kind: 'author', author }, page),
    getClinic(),
  ])
  if (!listing) notFound()
  const name = displayName(author)
  const breadcrumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name, path: authorPath(author.slug, page) },
  ]
  const pathFor = (n: number) => authorPath(author.slug, n)
  if (page > 1) {
    return (
      <>
        <Breadcrumbs items={breadcrumbs} />
        <h1>
          Articoli di {name} – pagina {page}
        </h1>
        <PagedPostList listing={listing} pathFor={pathFor} />
      </>
    )
  }
  return (
    <>
      <JsonLd nodes={authorGraph({ author, siteUrl: getEnv().siteUrl, clinic, breadcrumbs })} />
      <Breadcrumbs items={breadcrumbs} />
      <AuthorProfile author={author} />
      <section aria-labelledby="articoli-autore">
        <h2 id="articoli-autore">Articoli scritti o revisionati</h2>
        <PagedPostList
          listing={listing}
          pathFor={pathFor}
          headingLevel={3}
          empty="Nessun articolo pubblicato."
        />
      </section>
    </>
  )
}
