import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on a free loopback port (nodemailer's smtp-server), for tests of outgoing
 * e-mail: the app talks to it with nodemailer exactly as to the clinic's provider. It keeps
 * every message it accepts, parsed; `failing = true` answers each send with a temporary error
 * (451), as a provider in trouble does.
 */

export type ReceivedMail = {
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  replyTo: string
  /** The raw message as received (headers and encoded body). */
  raw: string
}

export type SmtpTestServer = {
  port: number
  /** The SMTP_* and EMAIL_FROM variables that point the app at this server. */
  env: Record<string, string>
  messages: ReceivedMail[]
  failing: boolean
  /** Messages to one address. */
  to: (address: string) => ReceivedMail[]
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>
  clear: () => void
  stop: () => Promise<void>
}

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const messages: ReceivedMail[] = []
  const state = { failing: false }
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to manage, nodemailer does not try to upgrade.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom: (_address, _session, callback) => {
      if (state.failing) {
        const error = Object.assign(new Error('Servizio temporaneamente non disponibile'), {
          responseCode: 451,
        })
        callback(error)
        return
      }
      callback()
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              replyTo: parsed.replyTo?.text ?? '',
              raw: raw.toString('utf8'),
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo

  const handle: SmtpTestServer = {
    port,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_SECURE: 'false',
      EMAIL_FROM: 'Clinica Test <noreply@clinica.test>',
    },
    messages,
    get failing() {
      return state.failing
    },
    set failing(value: boolean) {
      state.failing = value
    },
    to: (address) => messages.filter((message) => message.to.includes(address.toLowerCase())),
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} e-mails, received ${messages.length}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return messages
    },
    clear: () => {
      messages.length = 0
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return handle
}
