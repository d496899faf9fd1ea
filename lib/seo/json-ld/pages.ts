import type { CollectionPage, ProfilePage, Thing } from 'schema-dts'

import type { Author, Category, Clinic, Post } from '@/payload-types'
import { clinicName } from '@/lib/clinic'
import { authorPath, categoryPath, postPath } from '@/lib/paths'
import { displayName } from '@/lib/people'
import { isoDateTime } from '../metadata'
import { filled } from '../url'
import { jsonLdId } from './ids'
import { clinicNode, personNode, websiteNode } from './nodes'
import { type Breadcrumb, breadcrumbNode, compact, ref } from './util'

const siteNodes = (siteUrl: string, clinic: Clinic): Thing[] => [
  websiteNode(siteUrl, clinicName(clinic)),
  clinicNode(clinic, siteUrl),
]

/** The home page: the site and the clinic behind it. */
export function homeGraph({ siteUrl, clinic }: { siteUrl: string; clinic: Clinic }): Thing[] {
  return siteNodes(siteUrl, clinic)
}

export type CategoryGraphInput = {
  category: Category
  /** The posts listed on the page, in page order. */
  posts: readonly Pick<Post, 'title' | 'slug'>[]
  siteUrl: string
  clinic: Clinic
  breadcrumbs: readonly Breadcrumb[]
  /** Defaults to the category path; pass it for later pages of a paginated list. */
  path?: string
}

/** A category page: a CollectionPage whose main entity lists its articles. */
export function categoryGraph({
  category,
  posts,
  siteUrl,
  clinic,
  breadcrumbs,
  path = categoryPath(category.slug),
}: CategoryGraphInput): Thing[] {
  const pageUrl = `${siteUrl}${path}`
  const breadcrumb = breadcrumbNode(pageUrl, breadcrumbs, siteUrl)
  const page: CollectionPage = {
    '@type': 'CollectionPage',
    '@id': jsonLdId.webpage(pageUrl),
    url: pageUrl,
    name: category.title.trim(),
    description: filled(category.description),
    inLanguage: 'it-IT',
    isPartOf: ref(jsonLdId.website(siteUrl)),
    breadcrumb: breadcrumb ? ref(jsonLdId.breadcrumb(pageUrl)) : undefined,
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: posts.length,
      itemListElement: posts.map((post, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: `${siteUrl}${postPath(post.slug)}`,
        name: post.title.trim(),
      })),
    },
  }
  return [...siteNodes(siteUrl, clinic), compact(page), ...(breadcrumb ? [breadcrumb] : [])]
}

export type AuthorGraphInput = {
  author: Author
  siteUrl: string
  clinic: Clinic
  breadcrumbs: readonly Breadcrumb[]
}

/** An author page: a ProfilePage about the author's Person node. */
export function authorGraph({ author, siteUrl, clinic, breadcrumbs }: AuthorGraphInput): Thing[] {
  const pageUrl = `${siteUrl}${authorPath(author.slug)}`
  const breadcrumb = breadcrumbNode(pageUrl, breadcrumbs, siteUrl)
  const page: ProfilePage = {
    '@type': 'ProfilePage',
    '@id': jsonLdId.webpage(pageUrl),
    url: pageUrl,
    name: displayName(author),
    inLanguage: 'it-IT',
    isPartOf: ref(jsonLdId.website(siteUrl)),
    breadcrumb: breadcrumb ? ref(jsonLdId.breadcrumb(pageUrl)) : undefined,
    mainEntity: ref(jsonLdId.person(siteUrl, author.slug)),
    dateCreated: isoDateTime(author.createdAt),
    dateModified: isoDateTime(author.updatedAt),
  }
  return [
    ...siteNodes(siteUrl, clinic),
    compact(page),
    personNode(author, siteUrl),
    ...(breadcrumb ? [breadcrumb] : []),
  ]
}
