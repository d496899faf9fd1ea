import { beforeEach, describe, expect, it } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { mockAdminRuntime, mockFetch, session } from './payload-ui-mock'

mockAdminRuntime()
const { SignReview } = await import('@/components/admin/SignReview.client')

// Ids as the database hands them out (UUIDs on SQLite): the component puts them in the URL as is.
const POST_ID = '3f2b8c1e-5d4a-4e7b-9c6f-0a1b2c3d4e5f'
const DOCTOR_PROFILE = '9a7c5e3b-1d2f-4a6b-8c0e-f1e2d3c4b5a6'
const OTHER_PROFILE = '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b'

const { fetchMock, reply } = mockFetch()

beforeEach(() => {
  session.documentId = POST_ID
  session.dispatchFields.mockClear()
})

describe('SignReview', () => {
  it('tells authors that a medical reviewer signs, with no button', () => {
    session.user = { id: 'user-author', role: 'author', profile: null }
    render(<SignReview />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/firmata da un medico revisore/)).toBeTruthy()
  })

  it('asks a reviewer without a linked profile to have one linked', () => {
    session.user = { id: 'user-unlinked', role: 'reviewer', profile: null }
    render(<SignReview />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/collegato a un profilo medico/)).toBeTruthy()
  })

  it('signs with a draft save and puts the stored reviewer and date into the form', async () => {
    session.user = { id: 'user-reviewer', role: 'reviewer', profile: DOCTOR_PROFILE }
    reply(200, { doc: { reviewedBy: DOCTOR_PROFILE, lastReviewedAt: '2026-11-25T10:00:00.000Z' } })
    render(<SignReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Firma la revisione medica' }))
    await screen.findByText('Revisione firmata con il tuo profilo e la data di oggi.')

    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe(`/api/posts/${POST_ID}?draft=true&depth=0`)
    expect(init).toMatchObject({ method: 'PATCH', body: JSON.stringify({ markReviewed: true }) })
    expect(session.dispatchFields.mock.calls.map(([action]) => action)).toEqual([
      { type: 'UPDATE', path: 'reviewedBy', value: DOCTOR_PROFILE, initialValue: DOCTOR_PROFILE },
      {
        type: 'UPDATE',
        path: 'lastReviewedAt',
        value: '2026-11-25T10:00:00.000Z',
        initialValue: '2026-11-25T10:00:00.000Z',
      },
    ])
  })

  it('shows the server’s reason when the signature is refused, and changes nothing', async () => {
    session.user = { id: 'user-editor', role: 'editor', profile: OTHER_PROFILE }
    reply(400, {
      errors: [{ message: 'x', data: { errors: [{ message: 'Profilo non collegato.' }] } }],
    })
    render(<SignReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Firma la revisione medica' }))
    await screen.findByText('La firma non è stata registrata: Profilo non collegato.')
    expect(session.dispatchFields).not.toHaveBeenCalled()
  })
})
