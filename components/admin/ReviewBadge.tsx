import type { ReviewStatus } from '@/lib/editorial'

import styles from './admin.module.css'

type ReviewBadgeProps = {
  status: ReviewStatus
  /** Short form for the posts list ("Scaduta"); the full one names the medical review. */
  compact?: boolean
}

/** The medical review status as a badge: a symbol and words, not colour alone. */
export function ReviewBadge({ status, compact = false }: ReviewBadgeProps) {
  const text = compact
    ? status.label.charAt(0).toUpperCase() + status.label.slice(1)
    : `Revisione medica ${status.label}`
  return (
    <span className={`${styles.badge} ${status.expired ? styles.expired : styles.valid}`}>
      <span aria-hidden="true">{status.expired ? '⚠' : '✓'}</span>
      {text}
    </span>
  )
}
