import { describe, expect, it, jest } from '@jest/globals'

import { smtpForThisFile } from './helpers/smtp'
import { createUser } from './helpers/fixtures'
import { setupRestPayload } from './helpers/rest'

/*
 * "Password dimenticata?" must not tell which addresses have an account, even while the mail
 * server refuses every message: the answer is the same, the failure only goes to the log.
 */

// Before the test Payload starts: its config reads SMTP_* when it is imported.
const mail = smtpForThisFile()

const ctx = setupRestPayload()

const forgot = (email: string) => ctx.rest('POST', '/users/forgot-password', { json: { email } })

describe('forgot password during an SMTP outage', () => {
  it('answers an existing and an unknown address identically, and logs the failure', async () => {
    const user = await createUser(ctx.payload, 'esiste@test.it', 'editor', { name: 'Paola' })
    const logged = jest.spyOn(ctx.payload.logger, 'error')
    mail.server.failing = true
    try {
      const existing = await forgot('esiste@test.it')
      const unknown = await forgot('nessuno-qui@test.it')
      expect(existing.status).toBe(200)
      expect({ status: unknown.status, body: unknown.body }).toEqual({
        status: existing.status,
        body: existing.body,
      })
      expect([...unknown.headers.keys()].sort()).toEqual([...existing.headers.keys()].sort())
      // The background send fails and is logged with the account's id, never the address.
      await new Promise<void>((resolve, reject) => {
        const started = Date.now()
        const poll = () => {
          const line = logged.mock.calls
            .map(([first]) => String(first))
            .find((text) => text.includes('reimpostazione password'))
          if (line) {
            expect(line).toContain(String(user.id))
            expect(line).not.toContain('esiste@test.it')
            resolve()
          } else if (Date.now() - started > 10_000) reject(new Error('no error logged'))
          else setTimeout(poll, 50)
        }
        poll()
      })
      expect(mail.server.messages).toHaveLength(0)
    } finally {
      mail.server.failing = false
      logged.mockRestore()
    }
  })

  it('still e-mails the reset link when the server is back', async () => {
    mail.server.clear()
    const { status } = await forgot('esiste@test.it')
    expect(status).toBe(200)
    const [message] = await mail.server.waitFor(1)
    expect(message?.to).toEqual(['esiste@test.it'])
    expect(message?.text).toMatch(/http:\/\/localhost:3999\/admin\/reset\/[a-f0-9]{40}/)
  })
})
