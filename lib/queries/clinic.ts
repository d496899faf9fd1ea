import { cache } from 'react'

import type { Clinic } from '@/payload-types'
import { getPayloadClient } from '@/lib/payload'

export const getClinic = cache(async (): Promise<Clinic> => {
  const payload = await getPayloadClient()
  return payload.findGlobal({ slug: 'clinic', overrideAccess: false, depth: 1 })
})

/** Shown until an admin fills in the Clinic global. */
export const FALLBACK_CLINIC_NAME = 'Clinica del Piede'

export const clinicName = (clinic: Pick<Clinic, 'name'> | null | undefined) =>
  clinic?.name?.trim() || FALLBACK_CLINIC_NAME
