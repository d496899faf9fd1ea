import { Fragment } from 'react'

import type { SnippetSegment } from '@/lib/search/snippet'

/**
 * A search snippet: matches wrapped in `<mark>`, everything rendered as React text (escaped),
 * so an article containing markup shows it as text.
 */
export function Snippet({
  segments,
  className,
}: {
  segments: readonly SnippetSegment[]
  className?: string
}) {
  if (segments.length === 0) return null
  return (
    <p className={className}>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </p>
  )
}
