import { cache } from 'react'

import type { Clinic } from '@/payload-types'
import { TAGS } from '@/lib/cache-tags'
import { getPayloadClient } from '@/lib/payload'

import { tagged } from './tagged'

/** Read by the layout, so every page carries the `clinic` tag. */
export const getClinic = cache(() =>
  tagged(['clinic'], [TAGS.clinic], async (): Promise<Clinic> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({ slug: 'clinic', overrideAccess: false, depth: 1 })
  }),
)
