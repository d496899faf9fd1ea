import type { Metadata } from 'next'

import { META_DESCRIPTION_MAX } from './generate'
import { type SharingImage } from './media'
import { absoluteUrl, filled } from './url'
import { truncateAtWord } from '@/lib/text'

export { mediaImageForSharing, type SharingImage } from './media'

type Text = string | null | undefined
type DateInput = string | Date | null | undefined

export type PageMetadataArticle = {
  publishedTime?: DateInput
  modifiedTime?: DateInput
  section?: Text
  tags?: string[]
  /** Author names or, better, absolute URLs of the author pages (`og:article:author`). */
  authors?: string[]
}

export type PageMetadataInput = {
  /** Absolute site URL without trailing slash, e.g. `https://www.example.it`. */
  siteUrl: string
  clinicName: string
  /** Site-relative path of the page, e.g. `/blog/alluce-valgo`. */
  path: string
  title: string
  description?: Text
  seoTitle?: Text
  seoDescription?: Text
  image?: SharingImage | null
  noindex?: boolean
  type?: 'website' | 'article'
  article?: PageMetadataArticle
}

/** ISO 8601 (UTC) for a valid date, else undefined. */
export function isoDateTime(value: DateInput): string | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

const nonEmpty = (values: string[] | undefined) => {
  const list = (values ?? []).map((value) => value.trim()).filter(Boolean)
  return list.length > 0 ? [...new Set(list)] : undefined
}

/** Drops keys whose value is undefined, so the metadata object holds only what is known. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/**
 * Metadata for `generateMetadata`: title (the layout's template appends the clinic name),
 * description, canonical URL, robots, Open Graph and Twitter card. The page's `openGraph`
 * replaces the layout's, so locale and site name are repeated here.
 */
export function buildPageMetadata(input: PageMetadataInput): Metadata {
  const title = filled(input.seoTitle) ?? input.title.trim()
  const rawDescription = filled(input.seoDescription) ?? filled(input.description)
  const description = rawDescription
    ? truncateAtWord(rawDescription, META_DESCRIPTION_MAX)
    : undefined
  const url = absoluteUrl(input.path.startsWith('/') ? input.path : `/${input.path}`, input.siteUrl)
  const image = input.image ?? null
  const ogImages = image
    ? [
        defined({
          url: image.url,
          width: image.width,
          height: image.height,
          alt: image.alt || undefined,
        }),
      ]
    : undefined
  const common = defined({
    locale: 'it_IT',
    siteName: input.clinicName,
    url,
    title,
    description,
    images: ogImages,
  })
  const article = input.article ?? {}
  const openGraph: Metadata['openGraph'] =
    input.type === 'article'
      ? {
          ...common,
          type: 'article',
          ...defined({
            publishedTime: isoDateTime(article.publishedTime),
            modifiedTime: isoDateTime(article.modifiedTime),
            section: filled(article.section),
            tags: nonEmpty(article.tags),
            authors: nonEmpty(article.authors),
          }),
        }
      : { ...common, type: 'website' }

  return defined({
    title,
    description,
    alternates: { canonical: url },
    robots: { index: !input.noindex, follow: true },
    openGraph,
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      ...defined({
        description,
        images: image ? [defined({ url: image.url, alt: image.alt || undefined })] : undefined,
      }),
    },
  } satisfies Metadata)
}
