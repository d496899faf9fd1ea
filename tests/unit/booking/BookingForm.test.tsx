import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'

import { BOOKING_MESSAGES, BOOKING_RESPONSE_MESSAGES } from '@/lib/booking/constants'

// Jest has no CSS loader: the CSS module is replaced by its class names.
jest.unstable_mockModule('@/components/booking/booking.module.css', () => ({
  default: new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? name : undefined) }),
}))

const { BookingForm, BOOKING_SUCCESS_MESSAGE, BOOKING_SUMMARY_TITLE } =
  await import('@/components/booking/BookingForm.client')

type FetchMock = jest.Mock<typeof fetch>

// jsdom has no fetch API: the form only reads `ok`, `status` and `json()`.
const jsonResponse = (status: number, body: unknown) =>
  ({ ok: status >= 200 && status < 300, status, json: async () => body }) as Response

let fetchMock: FetchMock
const originalFetch = global.fetch

beforeEach(() => {
  fetchMock = jest.fn<typeof fetch>()
  global.fetch = fetchMock
})

afterEach(() => {
  global.fetch = originalFetch
})

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

function fillValidForm() {
  type(/^Nome e cognome/, 'Maria Rossi')
  type(/^Telefono/, '333 1234567')
  type(/^E-mail/, 'maria@example.it')
  fireEvent.click(screen.getByLabelText('Pomeriggio'))
  type(/^Motivo della visita/, 'Dolore al tallone')
  fireEvent.click(screen.getByRole('checkbox', { name: /informativa sulla privacy/ }))
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Invia la richiesta' }))

const sentBody = (call = 0) => {
  const init = fetchMock.mock.calls[call]?.[1]
  return JSON.parse(String(init?.body)) as Record<string, unknown>
}

describe('BookingForm', () => {
  it('renders every field with its label', () => {
    render(<BookingForm />)
    expect(screen.getByLabelText(/^Nome e cognome/)).toHaveAttribute('type', 'text')
    expect(screen.getByLabelText(/^Telefono/)).toHaveAttribute('type', 'tel')
    expect(screen.getByLabelText(/^Telefono/)).toHaveAttribute('autocomplete', 'tel')
    expect(screen.getByLabelText(/^E-mail/)).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText(/^E-mail/)).toHaveAttribute('autocomplete', 'email')
    expect(screen.getByLabelText(/^Motivo della visita/).tagName).toBe('TEXTAREA')

    const periods = screen.getByRole('group', { name: /fascia oraria/ })
    expect(
      within(periods)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['mattina', 'pomeriggio', 'indifferente'])
    expect(within(periods).getByLabelText('Indifferente')).toBeChecked()

    // (The accessible-name library used by jsdom adds a space around the link; browsers do not.)
    const consent = screen.getByRole<HTMLInputElement>('checkbox', {
      name: /^Ho letto l’\s?informativa sulla privacy .*e acconsento al trattamento dei miei dati per essere ricontattato\.$/,
    })
    expect(consent).not.toBeChecked()
    expect(consent.labels?.[0]).toHaveTextContent(
      /^Ho letto l’informativa sulla privacy \(si apre in una nuova scheda\) e acconsento al trattamento dei miei dati per essere ricontattato\. \*$/,
    )
    expect(screen.getByRole('link', { name: /informativa sulla privacy/ })).toHaveAttribute(
      'href',
      '/privacy',
    )
  })

  it('hides the honeypot from people and carries a submission id', () => {
    const { container } = render(<BookingForm />)
    const honeypot = container.querySelector<HTMLInputElement>('input[name="website"]')
    expect(honeypot).toHaveAttribute('tabindex', '-1')
    expect(honeypot).toHaveAttribute('autocomplete', 'off')
    expect(honeypot?.closest('[aria-hidden="true"]')).not.toBeNull()
    expect(screen.queryByRole('textbox', { name: /compilare/ })).toBeNull()

    const id = container.querySelector<HTMLInputElement>('input[name="submissionId"]')
    expect(id?.type).toBe('hidden')
    expect(id?.value).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('shows the server’s field errors, marks the fields invalid and keeps what was typed', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        ok: false,
        fieldErrors: { email: BOOKING_MESSAGES.emailInvalid, phone: BOOKING_MESSAGES.phoneInvalid },
      }),
    )
    render(<BookingForm />)
    fillValidForm()
    submit()

    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(BOOKING_SUMMARY_TITLE))
    expect(within(alert).getByRole('link', { name: BOOKING_MESSAGES.emailInvalid })).toBeVisible()
    expect(alert).toHaveFocus()

    const email = screen.getByLabelText(/^E-mail/)
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription(`Errore: ${BOOKING_MESSAGES.emailInvalid}`)
    const phone = screen.getByLabelText(/^Telefono/)
    expect(phone).toHaveAttribute('aria-invalid', 'true')
    expect(phone).toHaveAccessibleDescription(`Errore: ${BOOKING_MESSAGES.phoneInvalid}`)
    expect(screen.getByLabelText(/^Nome e cognome/)).not.toHaveAttribute('aria-invalid')

    expect(screen.getByLabelText(/^Nome e cognome/)).toHaveValue('Maria Rossi')
    expect(email).toHaveValue('maria@example.it')
    expect(screen.getByLabelText(/^Motivo della visita/)).toHaveValue('Dolore al tallone')
    expect(screen.getByLabelText('Pomeriggio')).toBeChecked()
    expect(screen.getByRole('button', { name: 'Invia la richiesta' })).toBeEnabled()
  })

  it('posts JSON with a stable submission id and thanks the patient on 201', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { ok: true }))
    const { container } = render(<BookingForm />)
    const id = container.querySelector<HTMLInputElement>('input[name="submissionId"]')?.value
    fillValidForm()
    submit()

    const status = await screen.findByText(BOOKING_SUCCESS_MESSAGE)
    expect(status.closest('[role="status"]')).not.toBeNull()
    expect(status).toHaveFocus()
    expect(screen.queryByRole('button')).toBeNull()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/prenota/invio')
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(sentBody()).toEqual({
      name: 'Maria Rossi',
      phone: '333 1234567',
      email: 'maria@example.it',
      preferredPeriod: 'pomeriggio',
      reason: 'Dolore al tallone',
      consent: true,
      website: '',
      submissionId: id,
    })
  })

  it('disables the button while sending and sends only once', async () => {
    let answer: (response: Response) => void = () => undefined
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)))
    render(<BookingForm />)
    fillValidForm()
    submit()

    const button = await screen.findByRole('button', { name: 'Invio in corso…' })
    expect(button).toBeDisabled()
    fireEvent.submit(button.closest('form') as HTMLFormElement)
    expect(fetchMock).toHaveBeenCalledTimes(1)

    await act(async () => answer(jsonResponse(200, { ok: true })))
    expect(await screen.findByText(BOOKING_SUCCESS_MESSAGE)).toBeVisible()
  })

  it('checks the form before sending, without using a request', async () => {
    render(<BookingForm />)
    type(/^Nome e cognome/, 'Maria Rossi')
    submit()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(BOOKING_MESSAGES.contactRequired)
    expect(alert).toHaveTextContent(BOOKING_MESSAGES.reasonRequired)
    expect(alert).toHaveTextContent(BOOKING_MESSAGES.consentRequired)
    // The phone-or-email message is listed once and describes both fields.
    expect(within(alert).getAllByText(BOOKING_MESSAGES.contactRequired)).toHaveLength(1)
    expect(screen.getByLabelText(/^Telefono/)).toHaveAccessibleDescription(
      `Errore: ${BOOKING_MESSAGES.contactRequired}`,
    )
    expect(screen.getByLabelText(/^E-mail/)).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('checkbox', { name: /informativa/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the server’s message on 429 and keeps the same submission id on retry', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse(429, { ok: false, message: BOOKING_RESPONSE_MESSAGES.tooManyRequests }),
      )
      .mockResolvedValueOnce(jsonResponse(200, { ok: true }))
    render(<BookingForm />)
    fillValidForm()
    submit()

    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(BOOKING_RESPONSE_MESSAGES.tooManyRequests))
    expect(screen.getByLabelText(/^Nome e cognome/)).toHaveValue('Maria Rossi')

    submit()
    expect(await screen.findByText(BOOKING_SUCCESS_MESSAGE)).toBeVisible()
    expect(sentBody(1).submissionId).toBe(sentBody(0).submissionId)
  })

  it('tells the patient when the network fails', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    render(<BookingForm />)
    fillValidForm()
    submit()
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(/Controlla la connessione/))
    expect(screen.getByRole('button', { name: 'Invia la richiesta' })).toBeEnabled()
  })
})
