import type { Payload } from 'payload'

import { getClientIp, type RateLimiter } from '@/lib/rate-limit'

import { BOOKING_RESPONSE_MESSAGES } from './constants'
import { isSameOriginRequest } from './same-origin'
import { parseBookingForm, type BookingFieldErrors } from './schema'
import { hashIp, storeBookingRequest } from './store'

/** Largest accepted request body: the form's fields fit in a few kilobytes. */
export const BOOKING_MAX_BODY_BYTES = 20 * 1024

export type BookingResponseBody =
  { ok: true } | { ok: false; fieldErrors: BookingFieldErrors } | { ok: false; message: string }

export type BookingHandlerDeps = {
  limiter: RateLimiter
  getPayload: () => Promise<Payload>
  /** Key of the IP hash (the Payload secret). */
  getSecret: () => string
  /** The site's own origin (SITE_URL): browsers may post only from its pages. */
  getSiteOrigin: () => string
  /** Where unexpected errors go; receives a summary without the submitted data. */
  logError?: (message: string, details: string) => void
  /** Sends a new request's e-mails (lib/booking/notify.ts); records failures itself. */
  notify?: (payload: Payload, id: string) => Promise<unknown>
  /**
   * Runs work after the answer has gone (Next's `after` in the route): the patient never waits
   * for, nor sees an error from, the mail server.
   */
  runAfterResponse?: (task: () => Promise<unknown>) => void
}

const reply = (body: BookingResponseBody, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

class BodyTooLarge extends Error {}
class BadRequest extends Error {}
class UnsupportedMediaType extends Error {}

async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge()
  if (!request.body) return new Uint8Array()

  // Content-Length may be missing (chunked) or wrong: count what actually arrives.
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** JSON (the form's fetch) or a classic form post, urlencoded or multipart. */
async function parseBody(request: Request, body: Uint8Array<ArrayBuffer>): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (mediaType === 'application/json') {
    try {
      return JSON.parse(new TextDecoder().decode(body)) as unknown
    } catch {
      throw new BadRequest()
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(new TextDecoder().decode(body))
  }
  if (mediaType === 'multipart/form-data') {
    try {
      return await new Response(body, { headers: { 'content-type': contentType } }).formData()
    } catch {
      throw new BadRequest()
    }
  }
  throw new UnsupportedMediaType()
}

/**
 * A summary of an unexpected error for the server log. Database errors can carry the query's
 * parameters (the patient's data) after the first line of their message, so only the first
 * line of each message and the stack frames are kept.
 */
export function describeError(error: unknown): string {
  const describe = (value: unknown): string => {
    if (!(value instanceof Error)) return String(value).split('\n')[0] ?? ''
    const code = (value as { code?: unknown }).code
    const head = `${value.name}${code ? ` [${String(code)}]` : ''}: ${value.message.split('\n')[0] ?? ''}`
    const frames = (value.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 10)
    return [head, ...frames].join('\n')
  }
  const parts = [describe(error)]
  let cause = error instanceof Error ? error.cause : undefined
  for (let depth = 0; cause !== undefined && depth < 3; depth += 1) {
    parts.push(`Caused by ${describe(cause)}`)
    cause = cause instanceof Error ? cause.cause : undefined
  }
  return parts.join('\n')
}

const defaultLogError = (message: string, details: string) =>
  console.error(`${message}\n${details}`)

/**
 * The booking endpoint: same-origin check, rate limit, size limit, parsing, honeypot, validation, idempotent
 * storage. Built from its dependencies so tests can drive it without a server or a database.
 */
export function createBookingHandler({
  limiter,
  getPayload,
  getSecret,
  getSiteOrigin,
  logError = defaultLogError,
  notify,
  runAfterResponse = (task) => void task(),
}: BookingHandlerDeps) {
  return async function handleBookingRequest(request: Request): Promise<Response> {
    try {
      // Before the rate limit: a forged post must not use up the visitor's allowance.
      if (!isSameOriginRequest(request.headers, getSiteOrigin())) {
        return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.crossSite }, 403)
      }
      const ip = getClientIp(request.headers)
      const limit = await limiter.check(ip)
      if (!limit.allowed) {
        return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.tooManyRequests }, 429, {
          'Retry-After': String(limit.retryAfterSeconds),
        })
      }

      let input: unknown
      try {
        input = await parseBody(request, await readBody(request, BOOKING_MAX_BODY_BYTES))
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.tooLarge }, 413)
        }
        if (error instanceof UnsupportedMediaType) {
          return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.unsupportedMediaType }, 415)
        }
        if (error instanceof BadRequest) {
          return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.badRequest }, 400)
        }
        throw error
      }

      const parsed = parseBookingForm(input)
      if (!parsed.success) return reply({ ok: false, fieldErrors: parsed.fieldErrors }, 400)
      // Bots get the same answer as people, so they have no reason to try again.
      if (parsed.spam) return reply({ ok: true }, 200)

      const payload = await getPayload()
      const stored = await storeBookingRequest(payload, parsed.data, {
        ipHash: hashIp(ip, getSecret()),
      })
      if (stored.created && notify) {
        const { id } = stored
        runAfterResponse(() =>
          notify(payload, id).catch((error: unknown) =>
            logError('[prenota] Avviso della richiesta non inviato', describeError(error)),
          ),
        )
      }
      return reply({ ok: true }, stored.created ? 201 : 200)
    } catch (error) {
      logError('[prenota] Richiesta di appuntamento non salvata', describeError(error))
      return reply({ ok: false, message: BOOKING_RESPONSE_MESSAGES.serverError }, 500)
    }
  }
}
