import type {
  BlogPosting,
  FAQPage,
  MedicalCondition,
  MedicalProcedure,
  MedicalWebPage,
  Thing,
} from 'schema-dts'

import type { Author, Category, Clinic, Media, Post } from '@/payload-types'
import { clinicName } from '@/lib/clinic'
import { authorPath, postPath } from '@/lib/paths'
import { displayName, populated } from '@/lib/people'
import { lexicalToPlainText } from '@/lib/text-import'
import { truncateAtWord } from '@/lib/text'
import { META_DESCRIPTION_MAX } from '../generate'
import { mediaImageUrls } from '../media'
import { isoDateTime } from '../metadata'
import { filled } from '../url'
import { citationNodes } from './citation'
import { jsonLdId } from './ids'
import { clinicNode, personNode, websiteNode } from './nodes'
import { type Breadcrumb, breadcrumbNode, compact, isoDate, oneOrMany, ref } from './util'

/** Google truncates longer Article headlines. */
export const HEADLINE_MAX = 110

/** Conditions whose usual medical name differs from the category title. */
const KNOWN_CONDITIONS: Record<string, { name: string; alternateName?: string }> = {
  'alluce-valgo': { name: 'Alluce valgo', alternateName: 'Hallux valgus' },
}

/** The condition an article is about: a known one among its categories, else the first category. */
export function articleCondition(
  categories: readonly Category[],
): { name: string; alternateName?: string } | null {
  for (const category of categories) {
    const known = KNOWN_CONDITIONS[category.slug]
    if (known) return known
  }
  const first = filled(categories[0]?.title)
  return first ? { name: first } : null
}

export type ArticleGraphInput = {
  post: Post
  siteUrl: string
  clinic: Clinic
  breadcrumbs: readonly Breadcrumb[]
}

function plainTextSummary(post: Post): string | undefined {
  try {
    return filled(truncateAtWord(lexicalToPlainText(post.content), META_DESCRIPTION_MAX))
  } catch {
    return undefined
  }
}

function wordCount(post: Post): number | undefined {
  try {
    const words = lexicalToPlainText(post.content).split(/\s+/).filter(Boolean).length
    return words > 0 ? words : undefined
  } catch {
    return undefined
  }
}

/**
 * The `@graph` of an article page: site, clinic, medical web page, BlogPosting, author and
 * reviewer, the condition and procedure it covers, breadcrumbs and FAQ.
 */
export function articleGraph({ post, siteUrl, clinic, breadcrumbs }: ArticleGraphInput): Thing[] {
  const pageUrl = `${siteUrl}${postPath(post.slug)}`
  const id = {
    webpage: jsonLdId.webpage(pageUrl),
    article: jsonLdId.article(pageUrl),
    condition: jsonLdId.condition(pageUrl),
    procedure: jsonLdId.procedure(pageUrl),
    faq: jsonLdId.faq(pageUrl),
  }
  const categories = (post.categories ?? [])
    .map((category) => populated<Category>(category))
    .filter((category) => category !== null)
  const author = populated<Author>(post.author)
  const reviewer = populated<Author>(post.reviewedBy)
  const people = [author, reviewer].filter((person) => person !== null)
  const uniquePeople = people.filter(
    (person, index) => people.findIndex((other) => other.slug === person.slug) === index,
  )
  const description =
    filled(post.excerpt) ?? filled(post.meta?.description) ?? plainTextSummary(post)
  const breadcrumb = breadcrumbNode(pageUrl, breadcrumbs, siteUrl)
  const faqItems = (post.faq ?? []).filter((item) => filled(item.question) && filled(item.answer))

  const conditionInfo = articleCondition(categories)
  const condition: MedicalCondition | null = conditionInfo && {
    '@type': 'MedicalCondition',
    '@id': id.condition,
    name: conditionInfo.name,
    alternateName: conditionInfo.alternateName,
  }

  const procedureName = filled(post.procedure?.name)
  // Not every procedure is surgery (insoles, physiotherapy…): the generic type never overstates.
  const procedure: MedicalProcedure | null = procedureName
    ? {
        '@type': 'MedicalProcedure',
        '@id': id.procedure,
        name: procedureName,
        bodyLocation: filled(post.procedure?.bodyLocation),
        howPerformed: filled(post.procedure?.howPerformed),
        preparation: filled(post.procedure?.preparation),
        followup: filled(post.procedure?.followUp),
      }
    : null

  const faq: FAQPage | null =
    faqItems.length > 0
      ? {
          '@type': 'FAQPage',
          '@id': id.faq,
          url: pageUrl,
          inLanguage: 'it-IT',
          isPartOf: ref(id.webpage),
          mainEntity: faqItems.map((item) => ({
            '@type': 'Question',
            name: item.question.trim(),
            acceptedAnswer: { '@type': 'Answer', text: item.answer.trim() },
          })),
        }
      : null

  const about = [condition && id.condition, procedure && id.procedure]
    .filter((value) => typeof value === 'string')
    .map(ref)

  const webpage: MedicalWebPage = {
    '@type': 'MedicalWebPage',
    '@id': id.webpage,
    url: pageUrl,
    name: post.title.trim(),
    description,
    inLanguage: 'it-IT',
    isPartOf: ref(jsonLdId.website(siteUrl)),
    breadcrumb: breadcrumb ? ref(jsonLdId.breadcrumb(pageUrl)) : undefined,
    mainEntity: ref(id.article),
    about: oneOrMany(about),
    hasPart: faq ? ref(id.faq) : undefined,
    lastReviewed: isoDate(post.lastReviewedAt),
    reviewedBy: reviewer ? ref(jsonLdId.person(siteUrl, reviewer.slug)) : undefined,
    medicalAudience: { '@type': 'Patient' },
  }

  const images = mediaImageUrls(
    populated<Media>(post.heroImage) ?? populated<Media>(post.meta?.image),
    siteUrl,
  )
  const article: BlogPosting = {
    '@type': 'BlogPosting',
    '@id': id.article,
    url: pageUrl,
    headline: truncateAtWord(post.title, HEADLINE_MAX),
    description,
    image: oneOrMany(images),
    datePublished: isoDateTime(post.publishedAt ?? post.createdAt),
    dateModified: isoDateTime(post.updatedAt),
    // Name and URL repeated next to the @id: Google's Article guidelines read them here.
    author: author
      ? {
          '@type': 'Person',
          '@id': jsonLdId.person(siteUrl, author.slug),
          name: displayName(author),
          url: `${siteUrl}${authorPath(author.slug)}`,
        }
      : {
          '@type': 'MedicalClinic',
          '@id': jsonLdId.clinic(siteUrl),
          name: clinicName(clinic),
          url: `${siteUrl}/`,
        },
    publisher: ref(jsonLdId.clinic(siteUrl)),
    mainEntityOfPage: ref(id.webpage),
    isPartOf: ref(jsonLdId.website(siteUrl)),
    inLanguage: 'it-IT',
    articleSection: filled(categories[0]?.title),
    keywords: oneOrMany(categories.map((category) => category.title.trim()).filter(Boolean)),
    wordCount: wordCount(post),
    // The sources the editors listed ("Fonti"), as schema.org works.
    citation: oneOrMany(citationNodes(post.references)),
  }

  const nodes: (Thing | null)[] = [
    websiteNode(siteUrl, clinicName(clinic)),
    clinicNode(clinic, siteUrl),
    webpage,
    article,
    ...uniquePeople.map((person) => personNode(person, siteUrl)),
    condition,
    procedure,
    breadcrumb,
    faq,
  ]
  return nodes.filter((node) => node !== null).map(compact)
}
