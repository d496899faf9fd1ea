import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { Env } from '@/lib/env'

import { htmlToText } from './text'

/** What the log adapter answers when a message was not delivered (production without SMTP). */
export type NotDelivered = { delivered: false; reason: string }

export const isNotDelivered = (value: unknown): value is NotDelivered =>
  typeof value === 'object' && value !== null && (value as NotDelivered).delivered === false

export const SMTP_MISSING_WARNING =
  'E-mail: SMTP_HOST non è impostato, nessuna e-mail viene inviata (reimpostazione password, inviti, avvisi delle richieste di appuntamento). Impostare SMTP_HOST, EMAIL_FROM e, se servono, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS.'

const recipients = (value: SendEmailOptions['to']): string =>
  (Array.isArray(value) ? value : [value])
    .map((item) => (typeof item === 'object' && item ? item.address : String(item ?? '')))
    .join(', ')

/** Payload's own auth e-mails only carry HTML: every message also gets a plain-text part. */
const withText = (message: SendEmailOptions): SendEmailOptions =>
  message.text || typeof message.html !== 'string'
    ? message
    : { ...message, text: htmlToText(message.html) }

/**
 * Without SMTP: in development and tests the whole message (links included) goes to the log, so
 * password reset works locally; in production only the recipient and subject are logged (the
 * body may hold a reset link or personal data) and the message counts as not delivered, so the
 * appointment notices show it and are retried once SMTP is configured.
 */
function logAdapter(env: Env): EmailAdapter<NotDelivered | { delivered: true }> {
  return ({ payload }) => {
    payload.logger.warn(SMTP_MISSING_WARNING)
    return {
      name: 'log',
      defaultFromAddress: env.mail.from.address,
      defaultFromName: env.mail.from.name,
      sendEmail: async (message) => {
        const to = recipients(message.to)
        if (env.nodeEnv === 'production') {
          payload.logger.warn(
            `E-mail non inviata (SMTP non configurato) a ${to}: ${message.subject}`,
          )
          return { delivered: false, reason: 'SMTP non configurato' }
        }
        const { text } = withText(message)
        payload.logger.info(
          `E-mail (SMTP non configurato: solo nel log)\nA: ${to}\nOggetto: ${message.subject}\n\n${String(text ?? '')}`,
        )
        return { delivered: true }
      },
    }
  }
}

/** SMTP through Payload's nodemailer adapter, with bounded timeouts so a dead server fails fast. */
async function smtpAdapter(
  env: Env,
  smtp: NonNullable<Env['mail']['smtp']>,
): Promise<EmailAdapter> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  // Verified in the background below: a server that is down must not delay the app's start.
  const inner = await nodemailerAdapter({
    transport,
    skipVerify: true,
    defaultFromAddress: env.mail.from.address,
    defaultFromName: env.mail.from.name,
  })
  return (args) => {
    const initialized = inner(args)
    transport.verify().catch((error: unknown) => {
      args.payload.logger.error(
        `E-mail: il server SMTP ${smtp.host}:${smtp.port} non risponde (${String(error)}). I messaggi saranno ritentati.`,
      )
    })
    return { ...initialized, sendEmail: (message) => initialized.sendEmail(withText(message)) }
  }
}

/** The one place that chooses how e-mail leaves: SMTP when SMTP_HOST is set, the log otherwise. */
export function emailAdapter(env: Env): EmailAdapter | Promise<EmailAdapter> {
  return env.mail.smtp ? smtpAdapter(env, env.mail.smtp) : logAdapter(env)
}
