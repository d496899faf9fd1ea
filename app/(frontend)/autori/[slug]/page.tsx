import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs, type Crumb } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { PostList } from '@/components/PostList'
import type { Media } from '@/payload-types'
import { getEnv } from '@/lib/env'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { authorPath } from '@/lib/paths'
import { displayName, populated } from '@/lib/people'
import { getClinic } from '@/lib/queries/clinic'
import { getPostsByAuthor } from '@/lib/queries/posts'
import { authorGraph } from '@/lib/seo/json-ld'
import { getAuthorBySlug, getSlugs } from '@/lib/queries/taxonomy'
import { mediaImageForSharing } from '@/lib/seo/metadata'
import { safeHref } from '@/lib/richtext/safe-url'
import { truncateAtWord } from '@/lib/text'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getSlugs('authors')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorBySlug((await params).slug)
  if (!author) return NOT_FOUND_METADATA
  const name = displayName(author)
  return pageMetadata({
    path: authorPath(author.slug),
    title: name,
    description: truncateAtWord(
      [author.specialty, author.bio].filter(Boolean).join('. ') || `Gli articoli di ${name}.`,
      155,
    ),
    image: mediaImageForSharing(populated<Media>(author.photo), getEnv().siteUrl),
  })
}

export default async function AuthorPage({ params }: Props) {
  const author = await getAuthorBySlug((await params).slug)
  if (!author) notFound()
  const [posts, clinic] = await Promise.all([getPostsByAuthor(author), getClinic()])
  const photo = populated<Media>(author.photo)
  const name = displayName(author)
  const links = (author.profileLinks ?? [])
    .map((link) => ({ ...link, href: safeHref(link.url) }))
    .filter((link) => link.href?.startsWith('http'))

  const breadcrumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name, path: authorPath(author.slug) },
  ]
  return (
    <>
      <JsonLd nodes={authorGraph({ author, siteUrl: getEnv().siteUrl, clinic, breadcrumbs })} />
      <Breadcrumbs items={breadcrumbs} />
      <div className="profile">
        {photo ? <MediaImage media={photo} sizes="10rem" className="profile__photo" /> : null}
        <div>
          <h1>{name}</h1>
          {author.specialty ? <p className="lead">{author.specialty}</p> : null}
          {author.ordineProvince && author.ordineNumber ? (
            <p>
              Iscritto all’Ordine dei Medici Chirurghi e degli Odontoiatri di{' '}
              {author.ordineProvince}, n. {author.ordineNumber}
            </p>
          ) : null}
        </div>
      </div>
      {author.credentials ? (
        <section aria-labelledby="titoli">
          <h2 id="titoli">Titoli e qualifiche</h2>
          <ul>
            {author.credentials
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => (
                <li key={line}>{line}</li>
              ))}
          </ul>
        </section>
      ) : null}
      {author.bio ? (
        <section aria-labelledby="biografia">
          <h2 id="biografia">Biografia</h2>
          <p>{author.bio}</p>
        </section>
      ) : null}
      {links.length > 0 ? (
        <section aria-labelledby="profili">
          <h2 id="profili">Profili</h2>
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href!} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="articoli-autore">
        <h2 id="articoli-autore">Articoli scritti o revisionati</h2>
        <PostList posts={posts.docs} headingLevel={3} empty="Nessun articolo pubblicato." />
      </section>
    </>
  )
}
