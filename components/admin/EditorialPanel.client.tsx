'use client'

import { useDebounce, useFormFields } from '@payloadcms/ui'
import { useMemo } from 'react'

import { editorialReport, type EditorialInput } from '@/lib/editorial'

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
} as const

/** Recomputes at most this often while the editor types. */
const DEBOUNCE_MS = 400

// One selector per field: the panel re-renders only when a field it reads changes.
const useFieldValue = (path: string): unknown => useFormFields(([fields]) => fields[path]?.value)

/** The editorial checks in the post sidebar, live from the form state. */
export function EditorialPanel() {
  const title = useFieldValue(EDITORIAL_FIELD_PATHS.title)
  const slug = useFieldValue(EDITORIAL_FIELD_PATHS.slug)
  const metaTitle = useFieldValue(EDITORIAL_FIELD_PATHS.metaTitle)
  const metaDescription = useFieldValue(EDITORIAL_FIELD_PATHS.metaDescription)
  const focusKeyphrase = useFieldValue(EDITORIAL_FIELD_PATHS.focusKeyphrase)
  const content = useFieldValue(EDITORIAL_FIELD_PATHS.content)
  const lastReviewedAt = useFieldValue(EDITORIAL_FIELD_PATHS.lastReviewedAt)

  const input = useMemo(
    (): EditorialInput => ({
      title: textValue(title),
      slug: textValue(slug),
      metaTitle: textValue(metaTitle),
      metaDescription: textValue(metaDescription),
      focusKeyphrase: textValue(focusKeyphrase),
      content: lexicalValue(content),
      lastReviewedAt: dateValue(lastReviewedAt),
    }),
    [title, slug, metaTitle, metaDescription, focusKeyphrase, content, lastReviewedAt],
  )
  const settled = useDebounce(input, DEBOUNCE_MS)
  const report = useMemo(() => editorialReport(settled), [settled])
  return <EditorialReportView report={report} />
}
