import { randomBytes } from 'node:crypto'

import { APIError, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { userIsAdmin } from '@/access/isAdmin'
import { getEnv } from '@/lib/env'
import { isDocumentId } from '@/lib/ids'
import {
  invitationEmail,
  loadMailClinic,
  passwordResetEmail,
  sendMail,
  toMailClinic,
} from '@/lib/mail'
import type { User } from '@/payload-types'

export const RESET_LINK_MINUTES = 60
export const INVITATION_DAYS = 7

/** The admin's "choose a password" page for a token, always on SITE_URL (never a request's Host). */
export const resetPasswordUrl = (token: string) =>
  `${getEnv().siteUrl}/admin/reset/${encodeURIComponent(token)}`

const clinicOf = async (req: PayloadRequest | undefined) =>
  req ? loadMailClinic(req.payload) : toMailClinic(null, getEnv().siteUrl)

/** Payload's forgot-password e-mail, in Italian, with the clinic's contacts. */
export const forgotPasswordEmail = {
  expiration: RESET_LINK_MINUTES * 60 * 1000,
  generateEmailSubject: async (args?: { req?: PayloadRequest }) =>
    passwordResetEmail(await clinicOf(args?.req), { url: '', validForMinutes: 0 }).subject,
  generateEmailHTML: async (args?: { req?: PayloadRequest; token?: string; user?: unknown }) =>
    passwordResetEmail(await clinicOf(args?.req), {
      name: (args?.user as Partial<User> | undefined)?.name,
      url: resetPasswordUrl(String(args?.token)),
      validForMinutes: RESET_LINK_MINUTES,
    }).html,
}

/**
 * Invites an account's owner to choose their password: a single-use token (the same one
 * Payload's reset page accepts), valid INVITATION_DAYS days, sent by e-mail. The password the
 * admin typed when creating the account is replaced when the link is used, under the same
 * password rules.
 */
export async function sendInvitation(
  payload: Payload,
  user: Pick<User, 'id' | 'email' | 'name'>,
  invitedBy?: Pick<User, 'name'> | null,
): Promise<void> {
  const token = randomBytes(20).toString('hex')
  await payload.update({
    collection: 'users',
    id: user.id,
    data: {
      resetPasswordToken: token,
      resetPasswordExpiration: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
    },
    overrideAccess: true,
    depth: 0,
  })
  const clinic = await loadMailClinic(payload)
  await sendMail(payload, {
    ...invitationEmail(clinic, {
      name: user.name,
      url: resetPasswordUrl(token),
      validForDays: INVITATION_DAYS,
      invitedBy: invitedBy?.name,
    }),
    to: user.email,
  })
}

/** `POST /api/users/:id/invite` (admins): sends, or sends again, an account's invitation. */
export const invitationEndpoint: Endpoint = {
  path: '/:id/invite',
  method: 'post',
  handler: async (req) => {
    if (!userIsAdmin(req.user)) throw new APIError('Solo gli amministratori.', 403, {}, true)
    const id = req.routeParams?.id
    if (!isDocumentId(id)) throw new APIError('Identificativo non valido.', 400, {}, true)
    const user = await req.payload.findByID({
      collection: 'users',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!user) throw new APIError('Utente non trovato.', 404, {}, true)
    try {
      await sendInvitation(req.payload, user, req.user as User)
    } catch (error) {
      req.payload.logger.error(`Invito per l'utente ${id} non inviato: ${String(error)}`)
      throw new APIError(
        'L’invito non è stato inviato: il server di posta non risponde. Riprova più tardi.',
        502,
        {},
        true,
      )
    }
    req.payload.logger.info(`Invito inviato all'utente ${id} da ${String(req.user?.id)}`)
    return Response.json({ sent: true }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
