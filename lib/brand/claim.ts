import type { Clinic } from '@/payload-types'
import { clinicName } from '@/lib/clinic'

/**
 * The clinic's claim for the home page's hero and description: the Clinic global's
 * introduction, or a sentence naming the clinic until an admin writes one.
 */
export function clinicClaim(clinic: Pick<Clinic, 'name' | 'introduction'>): string {
  return (
    clinic.introduction?.trim() ||
    `Articoli medici su alluce valgo e chirurgia del piede scritti e revisionati dagli specialisti di ${clinicName(clinic)}.`
  )
}
