import type { Metadata } from 'next'
import Link from 'next/link'

import { JsonLd } from '@/components/JsonLd'
import { PostCard } from '@/components/PostCard'
import { PostList } from '@/components/PostList'
import { clinicClaim } from '@/lib/brand/claim'
import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { pageMetadata } from '@/lib/page-metadata'
import { blogPath, categoryPath } from '@/lib/paths'
import { getClinic } from '@/lib/queries/clinic'
import { getFeaturedPost, getPublishedPosts } from '@/lib/queries/posts'
import { getCategories } from '@/lib/queries/taxonomy'
import { homeGraph } from '@/lib/seo/json-ld'

const LATEST_ON_HOME = 6

export async function generateMetadata(): Promise<Metadata> {
  const clinic = await getClinic()
  const name = clinicName(clinic)
  return pageMetadata({
    path: '/',
    title: `${name}: articoli su piede e caviglia`,
    description: clinicClaim(clinic),
  })
}

export default async function HomePage() {
  const [clinic, featured, latest, categories] = await Promise.all([
    getClinic(),
    getFeaturedPost(),
    getPublishedPosts(1, LATEST_ON_HOME + 1),
    getCategories(),
  ])
  const others = latest.docs.filter((post) => post.id !== featured?.id).slice(0, LATEST_ON_HOME)
  return (
    <>
      <JsonLd nodes={homeGraph({ siteUrl: getEnv().siteUrl, clinic })} />
      <section className="hero" aria-labelledby="home-titolo">
        <h1 id="home-titolo">{clinicName(clinic)}: articoli su piede e caviglia</h1>
        <p className="hero__claim">{clinicClaim(clinic)}</p>
        <p className="hero__actions">
          {/* No prefetch: the booking page carries the form's JavaScript. */}
          <Link href="/prenota" prefetch={false} className="button button--large">
            Prenota una visita
          </Link>
          <Link href={blogPath(1)}>Leggi gli articoli</Link>
        </p>
      </section>
      {featured ? (
        <section aria-labelledby="in-evidenza" className="featured">
          <h2 id="in-evidenza">In evidenza</h2>
          <PostCard post={featured} headingLevel={3} featured />
        </section>
      ) : null}
      <section aria-labelledby="ultimi-articoli">
        <h2 id="ultimi-articoli">Ultimi articoli</h2>
        <PostList posts={others} headingLevel={3} />
        <p>
          <Link href={blogPath(1)}>Tutti gli articoli</Link>
        </p>
      </section>
      {categories.length > 0 ? (
        <section aria-labelledby="categorie">
          <h2 id="categorie">Categorie</h2>
          <ul className="category-list">
            {categories.map((category) => (
              <li key={category.id}>
                <Link href={categoryPath(category.slug)}>{category.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
