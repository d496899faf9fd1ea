'use client'

import { DefaultCell, useDocumentTitle, useFormFields } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { useEffect } from 'react'

import { UNTITLED_POST_LABEL } from '@/lib/editorial/untitled'

/**
 * "Nuovo articolo" where a post without a title would show its id. The label is only shown,
 * never stored: the slug is made from the title and must stay unique.
 */

/** The title column of the posts list: Payload's own linked cell, with the label as fallback. */
export function UntitledPostCell(props: DefaultCellComponentProps) {
  const hasTitle = typeof props.cellData === 'string' && props.cellData.trim() !== ''
  return <DefaultCell {...props} cellData={hasTitle ? props.cellData : UNTITLED_POST_LABEL} />
}

/**
 * In the edit view: Payload falls back to the id for the breadcrumb and the tab title, and
 * resets it whenever the document reloads, so this puts the label back each time.
 */
export function UntitledPostTitle() {
  const title = useFormFields(([fields]) => fields.title?.value)
  const { title: shown, setDocumentTitle } = useDocumentTitle()
  const untitled = typeof title !== 'string' || title.trim() === ''
  useEffect(() => {
    if (!untitled || shown === UNTITLED_POST_LABEL) return
    // After Payload's own update, which also runs in an animation frame.
    const frame = requestAnimationFrame(() => setDocumentTitle(UNTITLED_POST_LABEL))
    return () => cancelAnimationFrame(frame)
  }, [untitled, shown, setDocumentTitle])
  return null
}
