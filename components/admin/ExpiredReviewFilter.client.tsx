'use client'

import { useListQuery } from '@payloadcms/ui'
import { useState } from 'react'

import { REVIEW_VALIDITY_MONTHS, expiredReviewWhere, isExpiredReviewWhere } from '@/lib/editorial'

import styles from './admin.module.css'

/**
 * Above the posts list: shows only the posts whose medical review is expired (no review date,
 * or older than 12 months), through the list's own `where` in the URL, so the filter builder
 * shows it too. Applying it replaces the other filters; "Mostra tutti" clears it.
 */
export function ExpiredReviewFilter() {
  const { query, handleWhereChange } = useListQuery()
  // The boundary moves at midnight in Rome: fixed while this list stays open.
  const [now] = useState(() => new Date())
  const active = isExpiredReviewWhere(query?.where, now)

  const apply = () => void handleWhereChange?.(expiredReviewWhere(now))
  const clear = () => void handleWhereChange?.({})

  return (
    <div className={styles.filter} role="group" aria-label="Filtro sulla revisione medica">
      <button
        type="button"
        className={styles.filterButton}
        aria-pressed={active}
        onClick={active ? clear : apply}
      >
        <span aria-hidden="true">⚠</span> Revisione scaduta
      </button>
      {active ? (
        <>
          <p>
            Filtro attivo: articoli senza revisione medica o con l’ultima revisione di oltre{' '}
            {REVIEW_VALIDITY_MONTHS} mesi fa.
          </p>
          <button type="button" className={styles.filterButton} onClick={clear}>
            Mostra tutti
          </button>
        </>
      ) : null}
    </div>
  )
}
