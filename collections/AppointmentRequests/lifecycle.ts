import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import {
  APPOINTMENT_REQUESTS_SLUG,
  CLOSED_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TRANSITIONS,
  type RequestStatus,
} from '@/lib/booking/constants'
import type { AppointmentRequest } from '@/payload-types'

const label = (status: RequestStatus) =>
  REQUEST_STATUSES.find((option) => option.value === status)?.label ?? status

/** Fields only the system writes: the lifecycle below and the e-mail delivery (lib/booking/notify.ts). */
const SYSTEM_FIELDS = ['handledBy', 'handledAt', 'closedAt', 'delivery'] as const

/**
 * Moves a request through its statuses (nuova → contattata → chiusa / annullata) and records
 * who did it and when; closing starts the retention period. Whatever a client sends for the
 * system fields is replaced by the stored values, so nobody can forge who handled a request
 * or its delivery status.
 */
export const recordStatusChange: CollectionBeforeChangeHook<AppointmentRequest> = ({
  context,
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  if (!context.bookingDelivery) {
    for (const field of SYSTEM_FIELDS) {
      ;(data as Record<string, unknown>)[field] = originalDoc[field]
    }
  }
  const from = originalDoc.status
  const to = data.status
  if (!to || to === from) return data
  if (!REQUEST_TRANSITIONS[from].includes(to)) {
    throw new ValidationError({
      collection: APPOINTMENT_REQUESTS_SLUG,
      errors: [
        {
          path: 'status',
          message: `Una richiesta «${label(from)}» non può diventare «${label(to)}».`,
        },
      ],
      req,
    })
  }
  const now = new Date().toISOString()
  data.handledBy = req.user?.id ?? null
  data.handledAt = now
  if (CLOSED_STATUSES.includes(to)) data.closedAt = now
  return data
}
