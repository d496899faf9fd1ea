import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { loadMailClinic, passwordResetEmail, sendMail } from '@/lib/mail'
import type { User } from '@/payload-types'

import { RESET_LINK_MINUTES, resetPasswordUrl } from '../invitation'

/** `req.context` key: this forgot-password operation sends its e-mail itself (see below). */
const SEND_RESET_MAIL = 'usersSendResetMail'

/**
 * "Password dimenticata?" answers the same whether the address has an account or not. Payload
 * sends the e-mail inside its operation, so an SMTP outage turned the answer into an error for
 * existing accounts only. Payload is told not to send (`disableEmail`); the message leaves after
 * the operation, in the background, and a failure is only logged. (Payload skips its 15-second
 * per-account interval when it does not send: the per-address limit in authGuards still holds.)
 */
export const takeOverResetMail: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const { disableEmail } = args as { disableEmail?: boolean }
  if (disableEmail) return args
  req.context[SEND_RESET_MAIL] = true
  return { ...args, disableEmail: true }
}

export const sendResetMail: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'forgotPassword' || !req.context[SEND_RESET_MAIL]) return result
  delete req.context[SEND_RESET_MAIL]
  const token = typeof result === 'string' ? result : null
  if (!token) return result
  const user = (await req.payload.db.findOne({
    collection: 'users',
    where: { resetPasswordToken: { equals: token } },
    req,
  })) as Pick<User, 'id' | 'email' | 'name'> | null
  if (!user?.email) return result
  const { payload } = req
  // Not awaited: the answer must not wait for, or depend on, the mail server.
  void (async () => {
    const message = passwordResetEmail(await loadMailClinic(payload), {
      name: user.name,
      url: resetPasswordUrl(token),
      validForMinutes: RESET_LINK_MINUTES,
    })
    await sendMail(payload, { ...message, to: user.email })
  })().catch((error: unknown) => {
    payload.logger.error(
      `E-mail di reimpostazione password per l'utente ${user.id} non inviata: ${String(error)}`,
    )
  })
  return result
}
