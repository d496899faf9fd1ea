'use client'

import { useConfig, useDebounce, useFormFields } from '@payloadcms/ui'
import { stringify } from 'qs-esm'
import { useEffect, useMemo, useState } from 'react'

import { editorialReport, medicalCategoriesWhere, type EditorialInput } from '@/lib/editorial'

import { EditorialReportView } from './EditorialReportView'
import { dateValue, lexicalValue, textValue } from './form-values'

/** Where the checked values live in the post form. */
export const EDITORIAL_FIELD_PATHS = {
  title: 'title',
  slug: 'slug',
  metaTitle: 'meta.title',
  metaDescription: 'meta.description',
  focusKeyphrase: 'meta.focusKeyphrase',
  content: 'content',
  lastReviewedAt: 'lastReviewedAt',
  categories: 'categories',
  references: 'references',
} as const

/** Recomputes at most this often while the editor types. */
const DEBOUNCE_MS = 400

// One selector per field: the panel re-renders only when a field it reads changes.
const useFieldValue = (path: string): unknown => useFormFields(([fields]) => fields[path]?.value)

/** The ids of the selected categories (a relationship holds ids, or objects once populated). */
function idsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .map((item: unknown) =>
      typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item,
    )
    .filter((id): id is string => typeof id === 'string' && id !== '')
}

/** An array field's form value is its number of rows. */
const rowCount = (value: unknown) =>
  typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0

/** Whether one of the selected categories is medical, asked to the REST API; null until known. */
function useMedicalCategory(ids: string[]): boolean | null {
  const { config } = useConfig()
  const key = ids.join(',')
  const [known, setKnown] = useState<{ key: string; medical: boolean } | null>(null)
  useEffect(() => {
    if (key === '') return
    const controller = new AbortController()
    const query = stringify(
      { where: medicalCategoriesWhere(key.split(',')), limit: 1, depth: 0 },
      { addQueryPrefix: true },
    )
    fetch(`${config.routes.api}/categories${query}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { totalDocs?: number } | null) => {
        if (body) setKnown({ key, medical: (body.totalDocs ?? 0) > 0 })
      })
      .catch(() => {
        // Aborted or offline: the sources check waits for the next change.
      })
    return () => controller.abort()
  }, [config.routes.api, key])
  if (key === '') return false
  return known?.key === key ? known.medical : null
}

/** The editorial checks in the post sidebar, live from the form state. */
export function EditorialPanel() {
  const title = useFieldValue(EDITORIAL_FIELD_PATHS.title)
  const slug = useFieldValue(EDITORIAL_FIELD_PATHS.slug)
  const metaTitle = useFieldValue(EDITORIAL_FIELD_PATHS.metaTitle)
  const metaDescription = useFieldValue(EDITORIAL_FIELD_PATHS.metaDescription)
  const focusKeyphrase = useFieldValue(EDITORIAL_FIELD_PATHS.focusKeyphrase)
  const content = useFieldValue(EDITORIAL_FIELD_PATHS.content)
  const lastReviewedAt = useFieldValue(EDITORIAL_FIELD_PATHS.lastReviewedAt)
  const categories = useFieldValue(EDITORIAL_FIELD_PATHS.categories)
  const references = useFieldValue(EDITORIAL_FIELD_PATHS.references)
  const medicalCategory = useMedicalCategory(idsOf(categories))

  const input = useMemo(
    (): EditorialInput => ({
      title: textValue(title),
      slug: textValue(slug),
      metaTitle: textValue(metaTitle),
      metaDescription: textValue(metaDescription),
      focusKeyphrase: textValue(focusKeyphrase),
      content: lexicalValue(content),
      lastReviewedAt: dateValue(lastReviewedAt),
      medicalCategory,
      sourceCount: rowCount(references),
    }),
    [
      title,
      slug,
      metaTitle,
      metaDescription,
      focusKeyphrase,
      content,
      lastReviewedAt,
      medicalCategory,
      references,
    ],
  )
  const settled = useDebounce(input, DEBOUNCE_MS)
  const report = useMemo(() => editorialReport(settled), [settled])
  return <EditorialReportView report={report} />
}
