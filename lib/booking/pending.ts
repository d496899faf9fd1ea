import type { Payload } from 'payload'

import { APPOINTMENT_REQUESTS_SLUG } from './constants'

export type NewRequestsSummary = {
  /** Requests still "nuova": nobody has called the patient back yet. */
  count: number
  /** When the oldest of them arrived (ISO), or null when there are none. */
  oldestCreatedAt: string | null
  /** How long it has waited, in whole hours. */
  oldestAgeHours: number | null
}

/** For the admin dashboard: what still needs staff. No personal data. */
export async function getNewRequestsSummary(
  payload: Payload,
  now: Date = new Date(),
): Promise<NewRequestsSummary> {
  const { docs, totalDocs } = await payload.find({
    collection: APPOINTMENT_REQUESTS_SLUG,
    where: { status: { equals: 'nuova' } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { createdAt: true },
  })
  const oldest = docs[0]?.createdAt ?? null
  return {
    count: totalDocs,
    oldestCreatedAt: oldest,
    oldestAgeHours:
      oldest === null ? null : Math.floor((now.getTime() - Date.parse(oldest)) / 3_600_000),
  }
}
