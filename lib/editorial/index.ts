import { readingMinutes } from '@/lib/article/reading-time'
import { lexicalToPlainText } from '@/lib/text-import'
import { findClaims, type Claim } from './claims'
import { gulpease, type GulpeaseResult } from './gulpease'
import { reviewStatus, type ReviewStatus } from './review'
import { seoChecks, type SeoCheck, type SeoInput } from './seo-checks'
import { sourcesCheck, type SourcesCheck } from './sources'
import { averageSentenceLength, countSentences, countWords } from './text-stats'

export { findClaims, type Claim } from './claims'
export { GULPEASE_BANDS, gulpease, gulpeaseBand } from './gulpease'
export type { GulpeaseBand, GulpeaseResult } from './gulpease'
export {
  REVIEW_VALIDITY_MONTHS,
  expiredReviewWhere,
  isExpiredReviewWhere,
  reviewStatus,
  reviewValidFrom,
  type ReviewStatus,
} from './review'
export { META_DESCRIPTION_RANGE, META_TITLE_RANGE, seoChecks } from './seo-checks'
export type { SeoCheck, SeoCheckId, SeoInput } from './seo-checks'
export {
  MISSING_SOURCES_MESSAGE,
  categoryIdsOf,
  medicalCategoriesWhere,
  sourcesCheck,
  type SourcesCheck,
} from './sources'
export { averageSentenceLength, countLetters, countSentences, countWords } from './text-stats'

export type EditorialInput = SeoInput & {
  lastReviewedAt?: string | null
  /** Whether one of the post's categories is medical (unknown: no sources check). */
  medicalCategory?: boolean | null
  /** How many sources ("Fonti") the post lists. */
  sourceCount?: number
}

export type EditorialReport = {
  words: number
  sentences: number
  readingMinutes: number
  averageSentenceLength: number
  gulpease: GulpeaseResult | null
  seo: SeoCheck[]
  claims: Claim[]
  review: ReviewStatus
  /** Sources of a medical article; `null` when the article is not in a medical category. */
  sources?: SourcesCheck | null
}

/**
 * Everything the post edit view shows live. Text statistics, readability and claims are
 * computed on the body (`content`) only; the title is the page H1 and is checked by SEO.
 */
export function editorialReport(input: EditorialInput, now: Date = new Date()): EditorialReport {
  const text = input.content ? lexicalToPlainText(input.content) : ''
  const words = countWords(text)
  return {
    words,
    sentences: countSentences(text),
    readingMinutes: words === 0 ? 0 : readingMinutes(text),
    averageSentenceLength: averageSentenceLength(text),
    gulpease: gulpease(text),
    seo: seoChecks(input),
    claims: findClaims(text),
    review: reviewStatus(input.lastReviewedAt, now),
    sources: sourcesCheck({
      medical: input.medicalCategory === true,
      sources: input.sourceCount ?? 0,
    }),
  }
}
