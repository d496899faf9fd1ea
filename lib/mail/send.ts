import type { Payload } from 'payload'

import { isNotDelivered } from './adapter'
import type { RenderedEmail } from './templates'

export class MailNotSentError extends Error {
  constructor(reason: string) {
    super(`E-mail non inviata: ${reason}`)
    this.name = 'MailNotSentError'
  }
}

/**
 * Sends a rendered message through Payload's configured adapter (lib/mail/adapter.ts).
 * Throws when it is not delivered (SMTP error, or no SMTP in production): callers that must not
 * lose a message record that and retry.
 */
export async function sendMail(
  payload: Payload,
  message: RenderedEmail & { to: string; replyTo?: string },
): Promise<void> {
  const result: unknown = await payload.sendEmail(message)
  if (isNotDelivered(result)) throw new MailNotSentError(result.reason)
}
