import { beforeEach, describe, expect, it } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { mockAdminRuntime, mockFetch, session, setForm } from './payload-ui-mock'

mockAdminRuntime()
const { RequestReview } = await import('@/components/admin/RequestReview.client')

const POST_ID = '3f2b8c1e-5d4a-4e7b-9c6f-0a1b2c3d4e5f'
const { fetchMock, reply } = mockFetch()

beforeEach(() => {
  session.documentId = POST_ID
  session.dispatchFields.mockClear()
  setForm({})
})

describe('RequestReview', () => {
  it('shows nothing to reviewers', () => {
    session.user = { id: 'u-reviewer', role: 'reviewer' }
    const { container } = render(<RequestReview />)
    expect(container.innerHTML).toBe('')
  })

  it('asks to save an unsaved draft first', () => {
    session.user = { id: 'u-author', role: 'author' }
    session.documentId = undefined
    render(<RequestReview />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/dopo il primo salvataggio/)).toBeTruthy()
  })

  it('posts the request, stores the date in the form and says who was told', async () => {
    session.user = { id: 'u-author', role: 'author' }
    reply(200, { requestedAt: '2026-11-30T10:00:00.000Z', notified: 2, failed: 0 })
    render(<RequestReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Richiedi revisione medica' }))
    await screen.findByText('Richiesta inviata a 2 revisori medici.')
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe(`/api/posts/${POST_ID}/request-review`)
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' })
    expect(session.dispatchFields).toHaveBeenCalledWith({
      type: 'UPDATE',
      path: 'reviewRequestedAt',
      value: '2026-11-30T10:00:00.000Z',
      initialValue: '2026-11-30T10:00:00.000Z',
    })
  })

  it('shows a pending request and offers to ask again', () => {
    session.user = { id: 'u-editor', role: 'editor' }
    setForm({ reviewRequestedAt: '2026-11-30T10:00:00.000Z' })
    render(<RequestReview />)
    expect(
      screen.getByText('In attesa di revisione dal 30 novembre 2026 alle ore 11:00.'),
    ).toBeTruthy()
    expect(
      screen.getByRole('button', { name: 'Richiedi di nuovo la revisione medica' }),
    ).toBeTruthy()
  })

  it('shows the server’s refusal', async () => {
    session.user = { id: 'u-author', role: 'author' }
    reply(403, { errors: [{ message: 'Solo l’autore dell’articolo o un redattore.' }] })
    render(<RequestReview />)
    fireEvent.click(screen.getByRole('button', { name: 'Richiedi revisione medica' }))
    await screen.findByText(
      'La richiesta non è stata registrata: Solo l’autore dell’articolo o un redattore.',
    )
    expect(session.dispatchFields).not.toHaveBeenCalled()
  })
})
