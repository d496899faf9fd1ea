import { describe, expect, it } from '@jest/globals'

import { BOOKING_MESSAGES } from '@/lib/booking/constants'
import { isHoneypotFilled, parseBookingForm, parseCheckbox } from '@/lib/booking/schema'

const valid = {
  name: 'Maria Rossi',
  phone: '+39 333 123 4567',
  email: 'maria.rossi@example.it',
  preferredPeriod: 'mattina',
  reason: 'Dolore all’alluce da qualche mese.',
  consent: true,
  submissionId: '0b8a3c1e-6a1f-4c55-9d7e-2f4f0c1d9a11',
  website: '',
}

const errorsOf = (input: unknown) => {
  const result = parseBookingForm(input)
  if (result.success) throw new Error('expected a validation failure')
  return result.fieldErrors
}

describe('parseBookingForm', () => {
  it('accepts a valid request and normalises it', () => {
    const result = parseBookingForm({
      ...valid,
      name: '  Maria   Rossi ',
      reason: ' Dolore\r\nal tallone ',
    })
    expect(result).toEqual({
      success: true,
      spam: false,
      data: {
        name: 'Maria Rossi',
        phone: '+39 333 123 4567',
        email: 'maria.rossi@example.it',
        preferredPeriod: 'mattina',
        reason: 'Dolore\nal tallone',
        consent: true,
        submissionId: valid.submissionId,
      },
    })
  })

  it('drops empty optional values and defaults the preferred period', () => {
    const result = parseBookingForm({
      ...valid,
      email: '  ',
      preferredPeriod: '',
      submissionId: '',
    })
    expect(result.success && !result.spam && result.data).toEqual({
      name: 'Maria Rossi',
      phone: '+39 333 123 4567',
      preferredPeriod: 'indifferente',
      reason: valid.reason,
      consent: true,
    })
  })

  it.each([
    ['name', { name: '   ' }, BOOKING_MESSAGES.nameRequired],
    ['name', { name: 'x'.repeat(101) }, BOOKING_MESSAGES.nameTooLong],
    ['email', { email: 'maria@' }, BOOKING_MESSAGES.emailInvalid],
    ['email', { email: 'maria rossi@example.it' }, BOOKING_MESSAGES.emailInvalid],
    ['phone', { phone: '12' }, BOOKING_MESSAGES.phoneInvalid],
    ['phone', { phone: 'chiamatemi' }, BOOKING_MESSAGES.phoneInvalid],
    ['phone', { phone: '333 12+34 567' }, BOOKING_MESSAGES.phoneInvalid],
    ['reason', { reason: '' }, BOOKING_MESSAGES.reasonRequired],
    ['reason', { reason: 'x'.repeat(1001) }, BOOKING_MESSAGES.reasonTooLong],
    ['consent', { consent: false }, BOOKING_MESSAGES.consentRequired],
    ['preferredPeriod', { preferredPeriod: 'sera' }, BOOKING_MESSAGES.periodInvalid],
    ['submissionId', { submissionId: '<script>' }, BOOKING_MESSAGES.submissionIdInvalid],
  ])('rejects a bad %s with its Italian message', (field, override, message) => {
    expect(errorsOf({ ...valid, ...override })).toEqual({ [field]: message })
  })

  it('uses the exact wording the clinic asked for', () => {
    expect(BOOKING_MESSAGES).toMatchObject({
      nameRequired: 'Inserisci il tuo nome.',
      contactRequired:
        'Inserisci un numero di telefono o un indirizzo e-mail per essere ricontattato.',
      emailInvalid: 'L’indirizzo e-mail non è valido.',
      phoneInvalid: 'Il numero di telefono non è valido.',
      reasonRequired: 'Descrivi brevemente il motivo della visita.',
      consentRequired: 'Per inviare la richiesta devi acconsentire al trattamento dei dati.',
    })
  })

  it('asks for a phone number or an e-mail address when both are missing', () => {
    expect(errorsOf({ ...valid, phone: '', email: ' ' })).toEqual({
      phone: BOOKING_MESSAGES.contactRequired,
      email: BOOKING_MESSAGES.contactRequired,
    })
  })

  it('is satisfied by either contact alone', () => {
    expect(parseBookingForm({ ...valid, phone: '' }).success).toBe(true)
    expect(parseBookingForm({ ...valid, email: '' }).success).toBe(true)
    expect(parseBookingForm({ ...valid, phone: '02 1234567', email: undefined }).success).toBe(true)
  })

  it('reports every bad field at once, and missing input as empty', () => {
    expect(errorsOf({})).toEqual({
      name: BOOKING_MESSAGES.nameRequired,
      phone: BOOKING_MESSAGES.contactRequired,
      email: BOOKING_MESSAGES.contactRequired,
      reason: BOOKING_MESSAGES.reasonRequired,
      consent: BOOKING_MESSAGES.consentRequired,
    })
    expect(Object.keys(errorsOf(null))).toEqual(Object.keys(errorsOf({})))
    expect(errorsOf({ ...valid, name: 42, reason: { text: 'x' } })).toEqual({
      name: BOOKING_MESSAGES.nameRequired,
      reason: BOOKING_MESSAGES.reasonRequired,
    })
  })

  it('reads FormData and URLSearchParams, where a ticked checkbox is "on"', () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({ ...valid, consent: 'on' })) {
      form.set(key, String(value))
    }
    const fromForm = parseBookingForm(form)
    expect(fromForm.success && !fromForm.spam && fromForm.data.consent).toBe(true)

    const params = new URLSearchParams({ ...valid, consent: 'on' })
    params.delete('consent')
    expect(errorsOf(params)).toEqual({ consent: BOOKING_MESSAGES.consentRequired })
  })
})

describe('parseCheckbox', () => {
  it.each([true, 'on', 'true', '1', 'ON', 'sì'])('treats %p as ticked', (value) => {
    expect(parseCheckbox(value)).toBe(true)
  })

  it.each([false, undefined, null, '', 'off', 'false', 0, 1, {}])(
    'treats %p as not ticked',
    (value) => {
      expect(parseCheckbox(value)).toBe(false)
    },
  )
})

describe('honeypot', () => {
  it('detects a filled "website" field in objects and form data', () => {
    expect(isHoneypotFilled({ website: 'http://spam.example' })).toBe(true)
    expect(isHoneypotFilled(new URLSearchParams({ website: 'x' }))).toBe(true)
    expect(isHoneypotFilled({ website: '  ' })).toBe(false)
    expect(isHoneypotFilled({})).toBe(false)
  })

  it('answers success without data for spam, even when the rest is invalid', () => {
    expect(parseBookingForm({ ...valid, website: 'http://spam.example' })).toEqual({
      success: true,
      spam: true,
    })
    expect(parseBookingForm({ website: 'buy now' })).toEqual({ success: true, spam: true })
  })
})
