import { afterAll, beforeAll } from '@jest/globals'

import { startSmtpServer, type SmtpTestServer } from '../../support/smtp-server'

/**
 * A real SMTP server on loopback for the test file. Call it before `setupRestPayload()` /
 * `setupTestPayload()`: its `beforeAll` sets SMTP_* before the test Payload imports its config.
 */
export function smtpForThisFile(): { readonly server: SmtpTestServer } {
  let server: SmtpTestServer | undefined
  beforeAll(async () => {
    server = await startSmtpServer()
    Object.assign(process.env, server.env)
  })
  afterAll(async () => {
    await server?.stop()
  })
  return {
    get server() {
      if (!server) throw new Error('the SMTP server is not started yet: use it in a test')
      return server
    },
  }
}
