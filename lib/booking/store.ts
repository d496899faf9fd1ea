import { createHmac, randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { APPOINTMENT_REQUESTS_SLUG, FIRST_ATTEMPT_GRACE_MS } from './constants'
import type { BookingRequestData } from './schema'

/**
 * Pseudonymises the client IP: an HMAC-SHA256 keyed with the server secret, so the same
 * address always gives the same hash (useful against abuse) but the address itself is never
 * stored and cannot be recovered by hashing every possible IPv4 without the secret.
 * Returns undefined when the address is unknown.
 */
export function hashIp(ip: string, secret: string): string | undefined {
  if (!ip || ip === 'unknown') return undefined
  return createHmac('sha256', secret).update(ip).digest('hex')
}

export type StoreBookingOptions = {
  ipHash?: string
  /** Moment of consent (defaults to now). */
  now?: Date
}

const findBySubmissionId = async (payload: Payload, submissionId: string) => {
  const { totalDocs } = await payload.count({
    collection: APPOINTMENT_REQUESTS_SLUG,
    where: { submissionId: { equals: submissionId } },
    overrideAccess: true,
  })
  return totalDocs > 0
}

/**
 * Stores a validated booking request, at most once per `submissionId` (the form's idempotency
 * key): a repeated submission, or one that loses a race on the unique index, is not stored
 * again and reports `created: false`. Writes through the Local API with `overrideAccess`,
 * because the collection cannot be created through the public API.
 */
export async function storeBookingRequest(
  payload: Payload,
  data: BookingRequestData,
  { ipHash, now = new Date() }: StoreBookingOptions = {},
): Promise<{ created: true; id: string } | { created: false }> {
  const submissionId = data.submissionId ?? randomUUID()
  if (data.submissionId && (await findBySubmissionId(payload, submissionId))) {
    return { created: false }
  }

  try {
    const doc = await payload.create({
      collection: APPOINTMENT_REQUESTS_SLUG,
      data: {
        name: data.name,
        phone: data.phone,
        email: data.email,
        preferredPeriod: data.preferredPeriod,
        reason: data.reason,
        consent: true,
        consentAt: now.toISOString(),
        submissionId,
        status: 'nuova',
        ipHash,
        // Stored first, e-mailed after: the handler tries at once, the sweep retries later.
        delivery: {
          status: 'in_coda',
          attempts: 0,
          nextAttemptAt: new Date(now.getTime() + FIRST_ATTEMPT_GRACE_MS).toISOString(),
        },
      },
      overrideAccess: true,
      depth: 0,
    })
    return { created: true, id: doc.id }
  } catch (error) {
    // Two identical submissions at the same moment: the unique index on submissionId lets
    // one through and the other fails (the error's shape depends on the database adapter).
    // If the document now exists, the request has been stored: that is a success.
    if (data.submissionId && (await findBySubmissionId(payload, submissionId))) {
      return { created: false }
    }
    throw error
  }
}
