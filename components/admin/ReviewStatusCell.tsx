import type { DefaultCellComponentProps } from 'payload'

import { reviewStatus } from '@/lib/editorial'

import { ReviewBadge } from './ReviewBadge'

type ReviewStatusCellProps = Pick<DefaultCellComponentProps, 'rowData'> & { now?: Date }

/** "Revisione" column of the posts list: expired or valid until, from the row's review date. */
export function ReviewStatusCell({ rowData, now }: ReviewStatusCellProps) {
  const value: unknown = rowData?.lastReviewedAt
  return (
    <ReviewBadge status={reviewStatus(typeof value === 'string' ? value : null, now)} compact />
  )
}
