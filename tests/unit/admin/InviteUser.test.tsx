import { beforeEach, describe, expect, it } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { mockAdminRuntime, mockFetch, session } from './payload-ui-mock'

mockAdminRuntime()
const { InviteUser } = await import('@/components/admin/InviteUser.client')

const USER_ID = '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b'
const { fetchMock, reply } = mockFetch()

beforeEach(() => {
  session.documentId = USER_ID
})

describe('InviteUser', () => {
  it('is for admins only', () => {
    session.user = { id: 'u-editor', role: 'editor' }
    const { container } = render(<InviteUser />)
    expect(container.innerHTML).toBe('')
  })

  it('sends the invitation and says so', async () => {
    session.user = { id: 'u-admin', role: 'admin' }
    reply(200, { sent: true })
    render(<InviteUser />)
    fireEvent.click(screen.getByRole('button', { name: 'Invia invito' }))
    await screen.findByText(
      'Invito inviato: il collegamento per scegliere la password vale 7 giorni.',
    )
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe(`/api/users/${USER_ID}/invite`)
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' })
  })

  it('shows why the invitation did not leave', async () => {
    session.user = { id: 'u-admin', role: 'admin' }
    reply(502, {
      errors: [
        {
          message:
            'L’invito non è stato inviato: il server di posta non risponde. Riprova più tardi.',
        },
      ],
    })
    render(<InviteUser />)
    fireEvent.click(screen.getByRole('button', { name: 'Invia invito' }))
    const status = await screen.findByRole('status')
    await screen.findByText(/il server di posta non risponde/)
    expect(status.textContent).toMatch(/^Invito non inviato\./)
  })
})
