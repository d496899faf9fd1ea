import {
  APIError,
  ValidationError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { authGuards } from '@/lib/auth/guards'
import { simulatePasswordCheck, verifyPassword } from '@/lib/auth/password-hash'
import { passwordProblem } from '@/lib/auth/password-policy'
import { normaliseAccount } from '@/lib/auth/login-throttle'
import { getClientIp } from '@/lib/rate-limit'

export const TOO_MANY_ATTEMPTS = 'Troppi tentativi. Riprova tra qualche minuto.'
export const CURRENT_PASSWORD_REQUIRED =
  'Per cambiare la tua password inserisci la password attuale.'
export const CURRENT_PASSWORD_WRONG = 'La password attuale non è corretta.'
export const ONE_ACCOUNT_AT_A_TIME = 'Le password si cambiano un account alla volta.'

/** A 429 with Retry-After, formatted by Payload like its own errors (REST and GraphQL). */
function tooMany(req: PayloadRequest, retryAfterMs: number, message = TOO_MANY_ATTEMPTS): never {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(seconds))
  req.responseHeaders.set('Cache-Control', 'no-store')
  // `data` keeps the message in production builds (see editorialRules.ts).
  throw new APIError(message, 429, { retryAfterSeconds: seconds }, true)
}

const refusePassword = (message: string, path = 'password'): never => {
  throw new ValidationError({ collection: 'users', errors: [{ path, message }] })
}

type AuthArgs = {
  id?: number | string
  where?: unknown
  data?: Record<string, unknown>
}

async function guardLogin({ data }: AuthArgs, req: PayloadRequest) {
  const guards = authGuards()
  const address = getClientIp(req.headers)
  const perAddress = await guards.login.check(address)
  if (!perAddress.allowed) tooMany(req, perAddress.retryAfterSeconds * 1000)

  const wait = await guards.throttle.attempt(data?.email, address)
  if (wait > 0) {
    tooMany(
      req,
      wait,
      'Troppi tentativi non riusciti per questo account. Riprova tra qualche istante.',
    )
  }
  // Payload answers an unknown e-mail at once and a known one after hashing the password:
  // hash anyway, so the time taken does not tell which accounts exist.
  const email = normaliseAccount(data?.email)
  const password = typeof data?.password === 'string' ? data.password : ''
  const account = email
    ? await req.payload.db.findOne({
        collection: 'users',
        where: { email: { equals: email } },
        req,
      })
    : null
  if (!account) await simulatePasswordCheck(password)
}

async function guardPasswordChange(args: AuthArgs, req: PayloadRequest) {
  const password = args.data?.password
  if (typeof password !== 'string' || password === '') return
  if (args.id === undefined) refusePassword(ONE_ACCOUNT_AT_A_TIME)
  const stored = (await req.payload.db.findOne({
    collection: 'users',
    where: { id: { equals: args.id } },
    req,
  })) as { email?: string; name?: string; hash?: string; salt?: string } | null
  const problem = passwordProblem(password, {
    email: (args.data?.email as string | undefined) ?? stored?.email,
    name: (args.data?.name as string | undefined) ?? stored?.name,
  })
  if (problem) refusePassword(problem)
  // Someone else holding an open session must not be able to take the account over: changing
  // one's own password needs the current one (admins resetting another account's do not).
  const own = req.user !== null && req.user !== undefined && String(req.user.id) === String(args.id)
  if (!own) return
  const current = args.data?.currentPassword
  if (typeof current !== 'string' || current === '') {
    refusePassword(CURRENT_PASSWORD_REQUIRED, 'currentPassword')
  }
  if (!stored || !(await verifyPassword(current as string, stored))) {
    refusePassword(CURRENT_PASSWORD_WRONG, 'currentPassword')
  }
}

/**
 * Account protections that must hold however the operation is reached (REST under any URL
 * spelling, GraphQL, the admin): per-address limits on login and password-reset requests,
 * progressive delays per account and address after failed logins, equal timing for unknown
 * accounts, and the password rules on every way a password is set.
 */
export const guardAuthOperations: CollectionBeforeOperationHook<'users'> = async ({
  args,
  operation,
  req,
}) => {
  const authArgs = args as AuthArgs
  switch (operation) {
    case 'login':
      await guardLogin(authArgs, req)
      break
    case 'forgotPassword': {
      const result = await authGuards().forgotPassword.check(getClientIp(req.headers))
      if (!result.allowed) tooMany(req, result.retryAfterSeconds * 1000)
      break
    }
    case 'resetPassword': {
      const password = authArgs.data?.password
      const problem = passwordProblem(typeof password === 'string' ? password : '')
      if (problem) refusePassword(problem)
      break
    }
    case 'create': {
      const password = authArgs.data?.password
      if (typeof password === 'string') {
        const problem = passwordProblem(password, {
          email: authArgs.data?.email as string | undefined,
          name: authArgs.data?.name as string | undefined,
        })
        if (problem) refusePassword(problem)
      }
      break
    }
    case 'update':
      await guardPasswordChange(authArgs, req)
      break
  }
  return args
}

/** A successful login clears the failures of that account from that address. */
export const clearFailedLogins: CollectionAfterLoginHook = async ({ req, user }) => {
  await authGuards().throttle.succeeded(user.email, getClientIp(req.headers))
  return user
}
