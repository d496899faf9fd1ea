import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PRIVACY_PAGE_SLUG, RetentionNotice } from '@/components/booking/RetentionNotice'
import { RichText } from '@/components/RichText'
import { NOT_FOUND_METADATA, pageMetadata } from '@/lib/page-metadata'
import { pagePath } from '@/lib/paths'
import { getClinic } from '@/lib/queries/clinic'
import { getPageBySlug, getSlugs } from '@/lib/queries/taxonomy'

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await getSlugs('pages')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPageBySlug((await params).slug)
  if (!page) return NOT_FOUND_METADATA
  return pageMetadata({
    path: pagePath(page.slug),
    title: page.title,
    description: page.intro,
    seoTitle: page.meta?.title,
    seoDescription: page.meta?.description,
    noindex: page.meta?.noindex ?? false,
  })
}

export default async function ContentPage({ params }: Props) {
  const page = await getPageBySlug((await params).slug)
  if (!page) notFound()
  const clinic = page.slug === PRIVACY_PAGE_SLUG ? await getClinic() : null
  return (
    <article className="article">
      <Breadcrumbs
        items={[
          { name: 'Home', path: '/' },
          { name: page.title, path: pagePath(page.slug) },
        ]}
      />
      <h1>{page.title}</h1>
      {page.intro ? <p className="article__lead">{page.intro}</p> : null}
      <RichText data={page.content} className="article__body" />
      {clinic ? <RetentionNotice clinic={clinic} /> : null}
    </article>
  )
}
