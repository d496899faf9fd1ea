import type { Payload } from 'payload'

import { getEnv } from '@/lib/env'
import { bookingConfirmationEmail, bookingNoticeEmail, loadMailClinic, sendMail } from '@/lib/mail'
import type { AppointmentRequest } from '@/payload-types'

import { APPOINTMENT_REQUESTS_SLUG, PREFERRED_PERIODS, type DeliveryStatus } from './constants'

/** After this many failed rounds a request's e-mails are given up ("non inviata"). */
export const MAX_DELIVERY_ATTEMPTS = 8
/** The first retry waits this long; each next one twice as long (1, 2, 4 … 64 minutes). */
const FIRST_RETRY_MS = 60_000
const SWEEP_BATCH = 20

export const adminRequestUrl = (id: string) =>
  `${getEnv().siteUrl}/admin/collections/${APPOINTMENT_REQUESTS_SLUG}/${encodeURIComponent(id)}`

const periodLabel = (value: string) =>
  PREFERRED_PERIODS.find((period) => period.value === value)?.label ?? value

/**
 * A short reason for the admin and the log: the error's class and code, never its message
 * (an SMTP server may echo recipients or content back).
 */
const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return 'errore sconosciuto'
  const code = (error as { code?: unknown; responseCode?: unknown }).code
  const responseCode = (error as { responseCode?: unknown }).responseCode
  if (error.name === 'MailNotSentError') return error.message
  return [error.name, code && String(code), responseCode && `SMTP ${String(responseCode)}`]
    .filter(Boolean)
    .join(' ')
    .slice(0, 200)
}

type Delivery = NonNullable<AppointmentRequest['delivery']>

const update = (payload: Payload, id: string, delivery: Delivery) =>
  payload.update({
    collection: APPOINTMENT_REQUESTS_SLUG,
    id,
    data: { delivery },
    overrideAccess: true,
    depth: 0,
    context: { bookingDelivery: true },
  })

/**
 * Sends what a request still owes: the notice to the clinic (name, contacts, preferred time,
 * link to the admin; never the reason for the visit) and, when the patient left an e-mail, a
 * receipt. Each message is recorded once sent, so a retry sends only what failed. A failure is
 * recorded on the request (status, attempts, next attempt, reason) and never thrown.
 */
export async function deliverBookingNotices(
  payload: Payload,
  id: string,
  now: Date = new Date(),
): Promise<DeliveryStatus> {
  const request = await payload.findByID({
    collection: APPOINTMENT_REQUESTS_SLUG,
    id,
    depth: 0,
    overrideAccess: true,
  })
  const delivery: Delivery = { ...request.delivery }
  if (delivery.status === 'inviata' || delivery.status === 'non_inviata') return delivery.status

  try {
    const clinic = await loadMailClinic(payload)
    if (!delivery.clinicNotifiedAt) {
      if (!clinic.bookingEmail) {
        throw Object.assign(
          new Error(
            'Nessun indirizzo per gli avvisi: impostare Clinica → E-mail per le prenotazioni',
          ),
          { name: 'MailNotSentError' },
        )
      }
      const notice = bookingNoticeEmail(clinic, {
        name: request.name,
        phone: request.phone,
        email: request.email,
        preferredPeriod: periodLabel(request.preferredPeriod),
        createdAt: request.createdAt,
        adminUrl: adminRequestUrl(request.id),
      })
      await sendMail(payload, {
        ...notice,
        to: clinic.bookingEmail,
        ...(request.email ? { replyTo: request.email } : {}),
      })
      delivery.clinicNotifiedAt = new Date().toISOString()
    }
    if (request.email && !delivery.patientConfirmedAt) {
      const receipt = bookingConfirmationEmail(clinic, { name: request.name })
      await sendMail(payload, {
        ...receipt,
        to: request.email,
        ...(clinic.email ? { replyTo: clinic.email } : {}),
      })
      delivery.patientConfirmedAt = new Date().toISOString()
    }
    delivery.status = 'inviata'
    delivery.lastError = null
    delivery.nextAttemptAt = null
  } catch (error) {
    const attempts = (delivery.attempts ?? 0) + 1
    delivery.attempts = attempts
    delivery.lastError = describeFailure(error)
    if (attempts >= MAX_DELIVERY_ATTEMPTS) {
      delivery.status = 'non_inviata'
      delivery.nextAttemptAt = null
    } else {
      delivery.status = 'da_ritentare'
      delivery.nextAttemptAt = new Date(
        now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1),
      ).toISOString()
    }
    payload.logger.warn(
      `[prenota] Avviso della richiesta ${id} non inviato (tentativo ${attempts}): ${delivery.lastError}`,
    )
  }
  await update(payload, id, delivery)
  return delivery.status ?? 'in_coda'
}

/**
 * The retry sweep (task `sendBookingNotices`, every minute): every request whose e-mails are
 * due, oldest first. Returns how many were tried.
 */
export async function deliverPendingNotices(
  payload: Payload,
  now: Date = new Date(),
): Promise<{ tried: number; sent: number }> {
  const { docs } = await payload.find({
    collection: APPOINTMENT_REQUESTS_SLUG,
    where: {
      and: [
        { 'delivery.status': { in: ['in_coda', 'da_ritentare'] } },
        { 'delivery.nextAttemptAt': { less_than_equal: now.toISOString() } },
      ],
    },
    sort: 'delivery.nextAttemptAt',
    limit: SWEEP_BATCH,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { createdAt: true },
  })
  let sent = 0
  for (const doc of docs) {
    if ((await deliverBookingNotices(payload, doc.id, now)) === 'inviata') sent += 1
  }
  return { tried: docs.length, sent }
}
