'use client'

import { useFormFields } from '@payloadcms/ui'

import { REVIEW_VALIDITY_MONTHS, reviewStatus } from '@/lib/editorial'

import styles from './admin.module.css'
import { dateValue } from './form-values'
import { ReviewBadge } from './ReviewBadge'

/** The medical review badge at the top of the post sidebar, following the form as it changes. */
export function ReviewStatusField() {
  const lastReviewedAt = useFormFields(([fields]) => fields.lastReviewedAt?.value)
  const status = reviewStatus(dateValue(lastReviewedAt))
  return (
    <div className={styles.reviewField}>
      <ReviewBadge status={status} />
      {status.expired ? (
        <p>
          Manca la data dell’ultima revisione o sono passati più di {REVIEW_VALIDITY_MONTHS} mesi:
          l’articolo va rivisto da un medico.
        </p>
      ) : null}
    </div>
  )
}
