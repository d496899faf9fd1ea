import type { Payload } from 'payload'

import { APPOINTMENT_REQUESTS_SLUG, CLOSED_STATUSES, DEFAULT_RETENTION_DAYS } from './constants'

export const retentionDaysOf = (
  clinic: { requestRetentionDays?: number | null } | null | undefined,
) =>
  clinic?.requestRetentionDays && clinic.requestRetentionDays > 0
    ? clinic.requestRetentionDays
    : DEFAULT_RETENTION_DAYS

/** The sentence the privacy page shows (rendered from the Clinic global, so always current). */
export const retentionSentence = (days: number) =>
  `Le richieste di appuntamento inviate con il modulo «Prenota una visita» sono conservate finché la richiesta è gestita e cancellate automaticamente ${days} giorni dopo la sua chiusura o il suo annullamento.`

/**
 * Deletes the requests closed or cancelled more than the retention period ago (task
 * `purgeClosedRequests`, daily). Open requests are never deleted, however old.
 */
export async function purgeClosedRequests(
  payload: Payload,
  now: Date = new Date(),
): Promise<{ deleted: number; retentionDays: number }> {
  const clinic = await payload.findGlobal({ slug: 'clinic', depth: 0, overrideAccess: true })
  const retentionDays = retentionDaysOf(clinic)
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString()
  const { docs } = await payload.delete({
    collection: APPOINTMENT_REQUESTS_SLUG,
    where: {
      and: [{ status: { in: [...CLOSED_STATUSES] } }, { closedAt: { less_than: cutoff } }],
    },
    depth: 0,
    overrideAccess: true,
  })
  if (docs.length > 0) {
    payload.logger.info(
      `[prenota] ${docs.length} richieste chiuse da oltre ${retentionDays} giorni cancellate`,
    )
  }
  return { deleted: docs.length, retentionDays }
}
