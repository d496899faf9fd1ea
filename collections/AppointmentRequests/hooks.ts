import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { APPOINTMENT_REQUESTS_SLUG, BOOKING_MESSAGES } from '@/lib/booking/constants'

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== ''

/**
 * The rules the booking form enforces, enforced again on every write whatever its source:
 * a way to call the patient back (phone or e-mail) and their consent, with its date.
 */
export const requireContactAndConsent: CollectionBeforeValidateHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const doc: Record<string, unknown> = { ...(originalDoc ?? {}), ...(data ?? {}) }
  const errors: { path: string; message: string }[] = []
  if (!hasText(doc.phone) && !hasText(doc.email)) {
    errors.push(
      { path: 'phone', message: BOOKING_MESSAGES.contactRequired },
      { path: 'email', message: BOOKING_MESSAGES.contactRequired },
    )
  }
  if (doc.consent !== true) {
    errors.push({ path: 'consent', message: BOOKING_MESSAGES.consentRequired })
  }
  if (errors.length > 0) {
    throw new ValidationError({ collection: APPOINTMENT_REQUESTS_SLUG, errors, req })
  }
  if (operation === 'create' && data && !data.consentAt) {
    data.consentAt = new Date().toISOString()
  }
  return data
}
