import { cache } from 'react'

import type { Clinic } from '@/payload-types'
import { getPayloadClient } from '@/lib/payload'

export const getClinic = cache(async (): Promise<Clinic> => {
  const payload = await getPayloadClient()
  return payload.findGlobal({ slug: 'clinic', overrideAccess: false, depth: 1 })
})
