import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { mockAdminRuntime, session } from './payload-ui-mock'

mockAdminRuntime()
const { SignReview } = await import('@/components/admin/SignReview.client')

const fetchMock = jest.fn<typeof fetch>()
// jsdom has no fetch Response: the component only reads `ok`, `status` and `json()`.
const reply = (status: number, body: unknown) =>
  fetchMock.mockResolvedValueOnce({
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
  } as Response)

beforeEach(() => {
  globalThis.fetch = fetchMock
  session.documentId = 7
  session.dispatchFields.mockClear()
})
afterEach(() => {
  fetchMock.mockReset()
})

describe('SignReview', () => {
  it('tells authors that a medical reviewer signs, with no button', () => {
    session.user = { id: 1, role: 'author', profile: null }
    render(<SignReview />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/firmata da un medico revisore/)).toBeTruthy()
  })

  it('asks a reviewer without a linked profile to have one linked', () => {
    session.user = { id: 2, role: 'reviewer', profile: null }
    render(<SignReview />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/collegato a un profilo medico/)).toBeTruthy()
  })

  it('signs with a draft save and puts the stored reviewer and date into the form', async () => {
    session.user = { id: 3, role: 'reviewer', profile: 11 }
    reply(200, { doc: { reviewedBy: 11, lastReviewedAt: '2026-11-25T10:00:00.000Z' } })
    render(<SignReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Firma la revisione medica' }))
    await screen.findByText('Revisione firmata con il tuo profilo e la data di oggi.')

    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/posts/7?draft=true&depth=0')
    expect(init).toMatchObject({ method: 'PATCH', body: JSON.stringify({ markReviewed: true }) })
    expect(session.dispatchFields.mock.calls.map(([action]) => action)).toEqual([
      { type: 'UPDATE', path: 'reviewedBy', value: 11, initialValue: 11 },
      {
        type: 'UPDATE',
        path: 'lastReviewedAt',
        value: '2026-11-25T10:00:00.000Z',
        initialValue: '2026-11-25T10:00:00.000Z',
      },
    ])
  })

  it('shows the server’s reason when the signature is refused, and changes nothing', async () => {
    session.user = { id: 4, role: 'editor', profile: 12 }
    reply(400, {
      errors: [{ message: 'x', data: { errors: [{ message: 'Profilo non collegato.' }] } }],
    })
    render(<SignReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Firma la revisione medica' }))
    await screen.findByText('La firma non è stata registrata: Profilo non collegato.')
    expect(session.dispatchFields).not.toHaveBeenCalled()
  })
})
