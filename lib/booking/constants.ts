/**
 * Shared by the appointment request collection, the booking form (client) and the route
 * handler: keep this module free of server-only imports.
 */

export const APPOINTMENT_REQUESTS_SLUG = 'appointment-requests'

/** Where the booking form posts (app/(frontend)/prenota/invio/route.ts). */
export const BOOKING_ENDPOINT = '/prenota/invio'

/** Hidden field that people never see: a value in it means the form was filled by a bot. */
export const HONEYPOT_FIELD = 'website'

export const PREFERRED_PERIODS = [
  { value: 'mattina', label: 'Mattina' },
  { value: 'pomeriggio', label: 'Pomeriggio' },
  { value: 'indifferente', label: 'Indifferente' },
] as const

export type PreferredPeriod = (typeof PREFERRED_PERIODS)[number]['value']

export const DEFAULT_PREFERRED_PERIOD: PreferredPeriod = 'indifferente'

// `contattato` is the value stored since the first release (kept so no data migration is needed).
export const REQUEST_STATUSES = [
  { value: 'nuova', label: 'Nuova' },
  { value: 'contattato', label: 'Contattata' },
  { value: 'chiusa', label: 'Chiusa' },
  { value: 'annullata', label: 'Annullata' },
] as const

export type RequestStatus = (typeof REQUEST_STATUSES)[number]['value']

/** nuova → contattata → chiusa / annullata; a request may also be closed or cancelled at once. */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  nuova: ['contattato', 'chiusa', 'annullata'],
  contattato: ['chiusa', 'annullata'],
  chiusa: [],
  annullata: [],
}

/** Statuses after which the retention period runs (see lib/booking/retention.ts). */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['chiusa', 'annullata']

export const DEFAULT_RETENTION_DAYS = 180

/** Delivery of the e-mails a new request sends (notice to the clinic, receipt to the patient). */
export const DELIVERY_STATUSES = [
  { value: 'in_coda', label: 'In coda' },
  { value: 'inviata', label: 'Inviata' },
  { value: 'da_ritentare', label: 'In errore, da ritentare' },
  { value: 'non_inviata', label: 'Non inviata (tentativi esauriti)' },
] as const

/**
 * A new request is first tried right after the patient's answer; the retry sweep leaves it
 * alone for this long, so both never send the same notice.
 */
export const FIRST_ATTEMPT_GRACE_MS = 2 * 60_000

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]['value']

export const BOOKING_LIMITS = {
  name: 100,
  phone: 30,
  email: 254,
  reason: 1000,
} as const

export const BOOKING_MESSAGES = {
  nameRequired: 'Inserisci il tuo nome.',
  nameTooLong: `Il nome può contenere al massimo ${BOOKING_LIMITS.name} caratteri.`,
  contactRequired: 'Inserisci un numero di telefono o un indirizzo e-mail per essere ricontattato.',
  emailInvalid: 'L’indirizzo e-mail non è valido.',
  phoneInvalid: 'Il numero di telefono non è valido.',
  periodInvalid: 'Scegli una delle fasce orarie proposte.',
  reasonRequired: 'Descrivi brevemente il motivo della visita.',
  reasonTooLong: `Il motivo della visita può contenere al massimo ${BOOKING_LIMITS.reason} caratteri.`,
  consentRequired: 'Per inviare la richiesta devi acconsentire al trattamento dei dati.',
  submissionIdInvalid: 'La richiesta non è valida: ricarica la pagina e riprova.',
} as const

/** Answers of the route handler, also shown by the form. */
export const BOOKING_RESPONSE_MESSAGES = {
  tooManyRequests: 'Hai inviato troppe richieste. Riprova tra qualche minuto.',
  tooLarge: 'La richiesta è troppo lunga. Accorcia il testo e riprova.',
  badRequest: 'La richiesta non è valida. Ricarica la pagina e riprova.',
  unsupportedMediaType: 'Formato della richiesta non supportato.',
  crossSite:
    'Richiesta rifiutata: le richieste di appuntamento si inviano solo dal modulo sul sito della clinica.',
  serverError:
    'Si è verificato un errore imprevisto e la richiesta non è stata inviata. Riprova più tardi o contatta la clinica per telefono.',
} as const
