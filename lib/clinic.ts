import type { Clinic } from '@/payload-types'

/** Shown until an admin fills in the Clinic global. */
export const FALLBACK_CLINIC_NAME = 'Clinica del Piede'

export const DEFAULT_MEDICAL_DISCLAIMER =
  'Le informazioni contenute in questo articolo hanno carattere divulgativo e non sostituiscono il parere del medico. Per una diagnosi e per la scelta del trattamento più adatto al tuo caso rivolgiti a uno specialista.'

export const clinicName = (clinic: Pick<Clinic, 'name'> | null | undefined) =>
  clinic?.name?.trim() || FALLBACK_CLINIC_NAME

export const medicalDisclaimer = (clinic: Pick<Clinic, 'medicalDisclaimer'> | null | undefined) =>
  clinic?.medicalDisclaimer?.trim() || DEFAULT_MEDICAL_DISCLAIMER
