import type { Metadata } from 'next'

import { PostCard } from '@/components/PostCard'
import { clinicName, getClinic } from '@/lib/queries/clinic'
import { getPublishedPosts } from '@/lib/queries/posts'

export async function generateMetadata(): Promise<Metadata> {
  const name = clinicName(await getClinic())
  return {
    title: { absolute: `${name}: articoli su piede e caviglia` },
    description: `Articoli medici su alluce valgo, chirurgia del piede e della caviglia scritti e revisionati dagli specialisti di ${name}.`,
    alternates: { canonical: '/' },
  }
}

export default async function HomePage() {
  const [clinic, posts] = await Promise.all([getClinic(), getPublishedPosts({ limit: 12 })])
  return (
    <>
      <section className="intro">
        <h1>{clinicName(clinic)}: articoli su piede e caviglia</h1>
        <p>
          Informazioni chiare sulle patologie del piede e sui trattamenti, scritte dai nostri
          specialisti.
        </p>
      </section>
      <section aria-labelledby="ultimi-articoli">
        <h2 id="ultimi-articoli">Ultimi articoli</h2>
        {posts.docs.length === 0 ? (
          <p>Non ci sono ancora articoli pubblicati.</p>
        ) : (
          <div className="post-list">
            {posts.docs.map((post) => (
              <PostCard key={post.id} post={post} headingLevel={3} />
            ))}
          </div>
        )}
      </section>
    </>
  )
}
