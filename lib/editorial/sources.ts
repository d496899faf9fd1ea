import type { Payload, PayloadRequest, Where } from 'payload'

import type { Post } from '@/payload-types'
import { listedSources } from '@/lib/article/sources'
import { relationId } from '@/lib/people'

/**
 * Sources of medical articles. A category is medical when its "Categoria medica" flag
 * (`categories.medical`, on by default) is set: the same rule that makes publishing in it need
 * an author, a reviewer and a review date (collections/Posts/hooks/editorialRules.ts). Such an
 * article without any source gets a warning among the editorial checks; it is advice, and
 * does not block publishing.
 */
export type SourcesCheck = { ok: boolean; message: string }

export const MISSING_SOURCES_MESSAGE =
  'Articolo di una categoria medica senza fonti: aggiungi almeno uno studio, una linea guida o un testo di riferimento in «Informazioni mediche» › Fonti.'

export const sourcesCountMessage = (count: number) =>
  count === 1 ? 'Fonti indicate: 1.' : `Fonti indicate: ${count}.`

/** The check for an article: `null` (nothing to say) outside medical categories. */
export function sourcesCheck({
  medical,
  sources,
}: {
  medical: boolean
  sources: number
}): SourcesCheck | null {
  if (!medical) return null
  return sources > 0
    ? { ok: true, message: sourcesCountMessage(sources) }
    : { ok: false, message: MISSING_SOURCES_MESSAGE }
}

/** The medical categories among `ids`. */
export const medicalCategoriesWhere = (ids: readonly string[]): Where => ({
  and: [{ id: { in: [...ids] } }, { medical: { equals: true } }],
})

export const categoryIdsOf = (categories: Post['categories']): string[] =>
  (categories ?? []).map(relationId).filter((id): id is string => id !== undefined)

/** Whether one of the categories is medical (server side, through the Local API). */
export async function inMedicalCategory(
  payload: Payload,
  ids: readonly string[],
  req?: PayloadRequest,
): Promise<boolean> {
  if (ids.length === 0) return false
  const { totalDocs } = await payload.count({
    collection: 'categories',
    where: medicalCategoriesWhere(ids),
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** The sources check of a saved post (server side). */
export async function postSourcesCheck(
  payload: Payload,
  post: Pick<Post, 'categories' | 'references'>,
  req?: PayloadRequest,
): Promise<SourcesCheck | null> {
  const medical = await inMedicalCategory(payload, categoryIdsOf(post.categories), req)
  return sourcesCheck({ medical, sources: listedSources(post.references).length })
}
