import type { Payload } from 'payload'

import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import type { Clinic } from '@/payload-types'

/** What e-mails say about the clinic: its name and how to reach it (the Clinic global). */
export type MailClinic = {
  name: string
  phone?: string
  email?: string
  address?: string
  siteUrl: string
  /** Where appointment-request notices go: the booking address, else the clinic's e-mail. */
  bookingEmail?: string
}

const text = (value: string | null | undefined) => value?.trim() || undefined

export function toMailClinic(
  clinic: Partial<Clinic> | null | undefined,
  siteUrl: string,
): MailClinic {
  const address = clinic?.address
  const place = [address?.postalCode, address?.city, address?.province && `(${address.province})`]
    .filter(Boolean)
    .join(' ')
  return {
    name: clinicName({ name: clinic?.name ?? '' }),
    phone: text(clinic?.phone),
    email: text(clinic?.email),
    address: text([address?.street, place].filter(Boolean).join(', ')),
    siteUrl,
    bookingEmail: text(clinic?.bookingEmail) ?? text(clinic?.email),
  }
}

/** Reads the Clinic global on the server (no access control: e-mails are sent by the system). */
export async function loadMailClinic(payload: Payload): Promise<MailClinic> {
  const clinic = await payload
    .findGlobal({ slug: 'clinic', depth: 0, overrideAccess: true })
    .catch(() => null)
  return toMailClinic(clinic, getEnv().siteUrl)
}
