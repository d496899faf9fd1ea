'use client'

import { useId, useRef, useState, type ChangeEvent, type FormEvent, type MouseEvent } from 'react'
import { flushSync } from 'react-dom'

import {
  BOOKING_ENDPOINT,
  BOOKING_LIMITS,
  BOOKING_RESPONSE_MESSAGES,
  DEFAULT_PREFERRED_PERIOD,
  HONEYPOT_FIELD,
  PREFERRED_PERIODS,
  type PreferredPeriod,
} from '@/lib/booking/constants'
import {
  BOOKING_FIELDS,
  parseBookingForm,
  type BookingField,
  type BookingFieldErrors,
} from '@/lib/booking/schema'
import { newSubmissionId } from '@/lib/booking/submission-id'

import styles from './booking.module.css'

export const BOOKING_SUCCESS_MESSAGE =
  'Grazie! La tua richiesta è stata inviata: la clinica ti ricontatterà al più presto.'
export const BOOKING_SUMMARY_TITLE = 'La richiesta non è stata inviata. Controlla questi campi:'
export const BOOKING_NETWORK_ERROR =
  'Non è stato possibile inviare la richiesta. Controlla la connessione a internet e riprova.'

type Values = {
  name: string
  phone: string
  email: string
  preferredPeriod: PreferredPeriod
  reason: string
  consent: boolean
  [HONEYPOT_FIELD]: string
}

const INITIAL_VALUES: Values = {
  name: '',
  phone: '',
  email: '',
  preferredPeriod: DEFAULT_PREFERRED_PERIOD,
  reason: '',
  consent: false,
  [HONEYPOT_FIELD]: '',
}

type ServerAnswer = { ok?: unknown; fieldErrors?: unknown; message?: unknown }

/** Keeps only known fields with a text message: the answer comes from the network. */
function toFieldErrors(value: unknown): BookingFieldErrors | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const errors: BookingFieldErrors = {}
  for (const field of BOOKING_FIELDS) {
    const message = (value as Record<string, unknown>)[field]
    if (typeof message === 'string' && message) errors[field] = message
  }
  return Object.keys(errors).length > 0 ? errors : undefined
}

/**
 * The booking form. Validates in the browser with the server's own schema (so a typo does not
 * use up one of the few requests allowed per IP), then posts JSON to the route handler, which
 * validates again. The idempotency key is generated once per form instance, so retrying after
 * a lost answer never creates a second request.
 */
export function BookingForm() {
  const id = useId()
  const fieldId = (field: BookingField | typeof HONEYPOT_FIELD) => `${id}-${field}`
  const errorId = (field: BookingField | 'contact') => `${id}-${field}-error`

  // Generated in the browser only: the page is static, so an id rendered on the server would be
  // shared by every visitor (and their requests taken for duplicates of each other).
  const [submissionId] = useState(() => (typeof window === 'undefined' ? '' : newSubmissionId()))
  const [values, setValues] = useState<Values>(INITIAL_VALUES)
  const [errors, setErrors] = useState<BookingFieldErrors>({})
  const [formMessage, setFormMessage] = useState<string>()
  const [phase, setPhase] = useState<'editing' | 'sending' | 'sent'>('editing')
  const sending = useRef(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  const thanksRef = useRef<HTMLParagraphElement>(null)

  const setField =
    <K extends keyof Values>(field: K) =>
    (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const target = event.currentTarget
      const value = (
        target instanceof HTMLInputElement && target.type === 'checkbox'
          ? target.checked
          : target.value
      ) as Values[K]
      setValues((current) => ({ ...current, [field]: value }))
    }

  const showProblems = (fieldErrors: BookingFieldErrors, message?: string) => {
    flushSync(() => {
      setErrors(fieldErrors)
      setFormMessage(message)
      setPhase('editing')
    })
    summaryRef.current?.focus()
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending.current) return

    const payload = { ...values, submissionId }
    const checked = parseBookingForm(payload)
    if (!checked.success) {
      showProblems(checked.fieldErrors)
      return
    }

    sending.current = true
    setPhase('sending')
    try {
      const response = await fetch(BOOKING_ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
      })
      const answer = (await response.json().catch(() => null)) as ServerAnswer | null
      if (response.ok && answer?.ok === true) {
        flushSync(() => setPhase('sent'))
        thanksRef.current?.focus()
        return
      }
      const fieldErrors = toFieldErrors(answer?.fieldErrors)
      if (fieldErrors) {
        showProblems(fieldErrors)
      } else {
        const fallback =
          response.status === 429
            ? BOOKING_RESPONSE_MESSAGES.tooManyRequests
            : BOOKING_RESPONSE_MESSAGES.serverError
        showProblems({}, typeof answer?.message === 'string' ? answer.message : fallback)
      }
    } catch {
      showProblems({}, BOOKING_NETWORK_ERROR)
    } finally {
      sending.current = false
    }
  }

  const focusField = (field: BookingField) => (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(fieldId(field))
    if (!target) return
    event.preventDefault()
    target.focus()
  }

  // "Phone or e-mail" is one problem of the pair: shown once, under both fields' group.
  const contactError = errors.phone && errors.phone === errors.email ? errors.phone : undefined
  const ownError = (field: BookingField) =>
    contactError && (field === 'phone' || field === 'email') ? undefined : errors[field]
  const describedBy = (field: BookingField, ...extra: (string | false | undefined)[]) =>
    [
      ...extra,
      ownError(field) && errorId(field),
      contactError && (field === 'phone' || field === 'email') && errorId('contact'),
    ]
      .filter(Boolean)
      .join(' ') || undefined
  const invalid = (field: BookingField) => (errors[field] ? true : undefined)
  const fieldError = (field: BookingField) => {
    const message = ownError(field)
    return message ? (
      <p id={errorId(field)} className={styles.error}>
        <span className="visually-hidden">Errore: </span>
        {message}
      </p>
    ) : null
  }

  // Summary: one line per distinct message, linked to the first field it concerns.
  const summary = new Map<string, BookingField>()
  for (const field of BOOKING_FIELDS) {
    const message = errors[field]
    if (message && !summary.has(message)) summary.set(message, field)
  }
  const isSending = phase === 'sending'

  return (
    <div className={styles.booking}>
      <div role="status" className={styles.status}>
        {phase === 'sent' ? (
          <p ref={thanksRef} tabIndex={-1} className={styles.thanks}>
            {BOOKING_SUCCESS_MESSAGE}
          </p>
        ) : null}
      </div>

      {phase === 'sent' ? null : (
        <form
          className={styles.form}
          method="post"
          action={BOOKING_ENDPOINT}
          noValidate
          aria-busy={isSending || undefined}
          onSubmit={handleSubmit}
        >
          <div
            role="alert"
            ref={summaryRef}
            tabIndex={-1}
            className={summary.size > 0 || formMessage ? styles.summary : undefined}
          >
            {formMessage ? <p className={styles.summaryTitle}>{formMessage}</p> : null}
            {summary.size > 0 ? (
              <>
                <p className={styles.summaryTitle}>{BOOKING_SUMMARY_TITLE}</p>
                <ul className={styles.summaryList}>
                  {[...summary].map(([message, field]) => (
                    <li key={field}>
                      <a href={`#${fieldId(field)}`} onClick={focusField(field)}>
                        {message}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>

          <p className={styles.hint}>
            I campi contrassegnati come <span aria-hidden="true">*</span>
            <span className="visually-hidden">asterisco</span> sono obbligatori.
          </p>

          <div className={styles.field}>
            <label htmlFor={fieldId('name')} className={styles.label}>
              Nome e cognome <span aria-hidden="true">*</span>
            </label>
            <input
              id={fieldId('name')}
              name="name"
              type="text"
              autoComplete="name"
              required
              maxLength={BOOKING_LIMITS.name}
              value={values.name}
              onChange={setField('name')}
              aria-invalid={invalid('name')}
              aria-describedby={describedBy('name')}
              className={styles.input}
            />
            {fieldError('name')}
          </div>

          <fieldset className={styles.fieldset} aria-describedby={`${id}-contact-hint`}>
            <legend className={styles.legend}>
              Come possiamo ricontattarti? <span aria-hidden="true">*</span>
            </legend>
            <p id={`${id}-contact-hint`} className={styles.hint}>
              Inserisci almeno un recapito: telefono o e-mail.
            </p>
            {contactError ? (
              <p id={errorId('contact')} className={styles.error}>
                <span className="visually-hidden">Errore: </span>
                {contactError}
              </p>
            ) : null}
            <div className={styles.field}>
              <label htmlFor={fieldId('phone')} className={styles.label}>
                Telefono
              </label>
              <input
                id={fieldId('phone')}
                name="phone"
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                maxLength={BOOKING_LIMITS.phone}
                value={values.phone}
                onChange={setField('phone')}
                aria-invalid={invalid('phone')}
                aria-describedby={describedBy('phone')}
                className={styles.input}
              />
              {fieldError('phone')}
            </div>
            <div className={styles.field}>
              <label htmlFor={fieldId('email')} className={styles.label}>
                E-mail
              </label>
              <input
                id={fieldId('email')}
                name="email"
                type="email"
                autoComplete="email"
                spellCheck={false}
                maxLength={BOOKING_LIMITS.email}
                value={values.email}
                onChange={setField('email')}
                aria-invalid={invalid('email')}
                aria-describedby={describedBy('email')}
                className={styles.input}
              />
              {fieldError('email')}
            </div>
          </fieldset>

          <fieldset className={styles.fieldset} aria-describedby={describedBy('preferredPeriod')}>
            <legend className={styles.legend}>In quale fascia oraria preferisci la visita?</legend>
            <div className={styles.options}>
              {PREFERRED_PERIODS.map((period, index) => (
                <div key={period.value} className={styles.option}>
                  <input
                    // The first option carries the group's id, the target of the error summary.
                    id={index === 0 ? fieldId('preferredPeriod') : `${id}-period-${period.value}`}
                    type="radio"
                    name="preferredPeriod"
                    value={period.value}
                    checked={values.preferredPeriod === period.value}
                    onChange={setField('preferredPeriod')}
                    className={styles.radio}
                  />
                  <label
                    htmlFor={
                      index === 0 ? fieldId('preferredPeriod') : `${id}-period-${period.value}`
                    }
                    className={styles.optionLabel}
                  >
                    {period.label}
                  </label>
                </div>
              ))}
            </div>
            {fieldError('preferredPeriod')}
          </fieldset>

          <div className={styles.field}>
            <label htmlFor={fieldId('reason')} className={styles.label}>
              Motivo della visita <span aria-hidden="true">*</span>
            </label>
            <p id={`${id}-reason-hint`} className={styles.hint}>
              Bastano poche parole, per esempio «dolore al tallone da qualche settimana». Non
              inserire referti o altri dati sanitari non necessari.
            </p>
            <textarea
              id={fieldId('reason')}
              name="reason"
              rows={5}
              required
              maxLength={BOOKING_LIMITS.reason}
              value={values.reason}
              onChange={setField('reason')}
              aria-invalid={invalid('reason')}
              aria-describedby={describedBy('reason', `${id}-reason-hint`)}
              className={styles.textarea}
            />
            {fieldError('reason')}
          </div>

          <div className={styles.field}>
            <div className={styles.option}>
              <input
                id={fieldId('consent')}
                name="consent"
                type="checkbox"
                required
                checked={values.consent}
                onChange={setField('consent')}
                aria-invalid={invalid('consent')}
                aria-describedby={describedBy('consent')}
                className={styles.checkbox}
              />
              <label htmlFor={fieldId('consent')} className={styles.optionLabel}>
                Ho letto l’
                <a href="/privacy" target="_blank" rel="noopener">
                  informativa sulla privacy
                  <span className="visually-hidden"> (si apre in una nuova scheda)</span>
                </a>{' '}
                e acconsento al trattamento dei miei dati per essere ricontattato.{' '}
                <span aria-hidden="true">*</span>
              </label>
            </div>
            {fieldError('consent')}
          </div>

          {/* Honeypot: invisible to people and skipped by keyboard and screen readers. */}
          <div className={`visually-hidden ${styles.honeypot}`} aria-hidden="true">
            <label htmlFor={fieldId(HONEYPOT_FIELD)}>Non compilare questo campo</label>
            <input
              id={fieldId(HONEYPOT_FIELD)}
              name={HONEYPOT_FIELD}
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={values[HONEYPOT_FIELD]}
              onChange={setField(HONEYPOT_FIELD)}
            />
          </div>

          {/* Empty in the server render (see above); React fills it in when hydrating. */}
          <input type="hidden" name="submissionId" value={submissionId} suppressHydrationWarning />

          <button type="submit" className={styles.submit} disabled={isSending}>
            {isSending ? 'Invio in corso…' : 'Invia la richiesta'}
          </button>
        </form>
      )}
    </div>
  )
}
