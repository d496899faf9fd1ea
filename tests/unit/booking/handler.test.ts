/**
 * @jest-environment node
 */
import { describe, expect, it, jest } from '@jest/globals'
import type { Payload } from 'payload'

import { BOOKING_MESSAGES, BOOKING_RESPONSE_MESSAGES } from '@/lib/booking/constants'
import { createBookingHandler, describeError } from '@/lib/booking/handler'
import { hashIp } from '@/lib/booking/store'
import { createMemoryRateLimiter } from '@/lib/rate-limit'

const SECRET = 'unit-test-secret-0123456789abcdef0123'
const SITE = 'https://www.clinica.example.it'

const valid = {
  name: 'Maria Rossi',
  phone: '333 1234567',
  email: '',
  preferredPeriod: 'mattina',
  reason: 'Dolore al tallone',
  consent: true,
  submissionId: '0b8a3c1e-6a1f-4c55-9d7e-2f4f0c1d9a11',
  website: '',
}

/** Just enough of the Local API for the booking service: an in-memory collection. */
function fakePayload({ failCreate }: { failCreate?: Error } = {}) {
  const docs: Record<string, unknown>[] = []
  const bySubmissionId = (args: { where?: unknown }) => {
    const id = (args.where as { submissionId: { equals: string } }).submissionId.equals
    return docs.filter((doc) => doc.submissionId === id)
  }
  const payload = {
    count: jest.fn(async (args: { where?: unknown }) => ({
      totalDocs: bySubmissionId(args).length,
    })),
    create: jest.fn(async (args: { data: Record<string, unknown>; overrideAccess?: boolean }) => {
      if (failCreate) throw failCreate
      if (docs.some((doc) => doc.submissionId === args.data.submissionId)) {
        throw new Error('UNIQUE constraint failed')
      }
      docs.push(args.data)
      return { id: docs.length, ...args.data }
    }),
  }
  return { payload, docs }
}

function setup(options: { limit?: number; failCreate?: Error } = {}) {
  const { payload, docs } = fakePayload(options)
  const logError = jest.fn<(message: string, details: string) => void>()
  const handler = createBookingHandler({
    limiter: createMemoryRateLimiter({ limit: options.limit ?? 100, windowMs: 60_000 }),
    getPayload: async () => payload as unknown as Payload,
    getSecret: () => SECRET,
    getSiteOrigin: () => SITE,
    logError,
  })
  return { handler, payload, docs, logError }
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/prenota/invio', {
    method: 'POST',
    headers: { 'x-forwarded-for': '203.0.113.7', ...headers },
    body,
  })

const postJson = (data: unknown, headers: Record<string, string> = {}) =>
  post(JSON.stringify(data), { 'content-type': 'application/json', ...headers })

describe('POST /prenota/invio', () => {
  it('stores a valid request once and answers 201', async () => {
    const { handler, docs, payload } = setup()
    const response = await handler(postJson(valid))

    expect(response.status).toBe(201)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ ok: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      name: 'Maria Rossi',
      phone: '333 1234567',
      preferredPeriod: 'mattina',
      consent: true,
      status: 'nuova',
      submissionId: valid.submissionId,
      ipHash: hashIp('203.0.113.7', SECRET),
    })
    expect(docs[0]?.email).toBeUndefined()
    expect(docs[0]?.consentAt).toEqual(expect.any(String))
    expect(JSON.stringify(docs[0])).not.toContain('203.0.113.7')
    expect(payload.create.mock.calls[0]?.[0]).toMatchObject({ overrideAccess: true })
  })

  it('answers 200 without storing again when the same submission arrives twice', async () => {
    const { handler, docs } = setup()
    expect((await handler(postJson(valid))).status).toBe(201)
    const second = await handler(postJson(valid))
    expect(second.status).toBe(200)
    expect(await second.json()).toEqual({ ok: true })
    expect(docs).toHaveLength(1)
  })

  it('treats losing the race on the unique submission id as success', async () => {
    const { handler, docs, payload } = setup()
    expect((await handler(postJson(valid))).status).toBe(201)
    // A twin request that checked "already stored?" just before the first one was created.
    payload.count.mockResolvedValueOnce({ totalDocs: 0 })
    const twin = await handler(postJson(valid))
    expect(twin.status).toBe(200)
    expect(await twin.json()).toEqual({ ok: true })
    expect(payload.create).toHaveBeenCalledTimes(2)
    expect(docs).toHaveLength(1)
  })

  it('accepts a classic form post, where the checkbox is "on"', async () => {
    const { handler, docs } = setup()
    const form = new URLSearchParams({ ...valid, consent: 'on' })
    const response = await handler(
      post(form.toString(), { 'content-type': 'application/x-www-form-urlencoded' }),
    )
    expect(response.status).toBe(201)

    const multipart = new FormData()
    for (const [key, value] of Object.entries({ ...valid, consent: 'on', submissionId: '' })) {
      multipart.set(key, String(value))
    }
    expect((await handler(post(multipart))).status).toBe(201)
    expect(docs).toHaveLength(2)
  })

  it('answers 400 with the field errors', async () => {
    const { handler, docs } = setup()
    const response = await handler(postJson({ ...valid, phone: '', consent: false }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      ok: false,
      fieldErrors: {
        phone: BOOKING_MESSAGES.contactRequired,
        email: BOOKING_MESSAGES.contactRequired,
        consent: BOOKING_MESSAGES.consentRequired,
      },
    })
    expect(docs).toHaveLength(0)
  })

  it('answers a filled honeypot with the success answer and stores nothing', async () => {
    const { handler, docs, payload } = setup()
    const response = await handler(postJson({ ...valid, website: 'https://spam.example' }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
    expect(docs).toHaveLength(0)
    expect(payload.create).not.toHaveBeenCalled()
  })

  it('limits requests per IP before reading them, with Retry-After', async () => {
    const { handler } = setup({ limit: 2 })
    expect((await handler(postJson(valid))).status).toBe(201)
    expect((await handler(postJson({ ...valid, submissionId: undefined }))).status).toBe(201)

    const limited = await handler(post('not even json', { 'content-type': 'text/plain' }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(limited.headers.get('cache-control')).toBe('no-store')
    expect(await limited.json()).toEqual({
      ok: false,
      message: 'Hai inviato troppe richieste. Riprova tra qualche minuto.',
    })

    // Another address is not affected.
    const other = await handler(postJson(valid, { 'x-forwarded-for': '198.51.100.1' }))
    expect(other.status).toBe(200)
  })

  it('rejects bodies over 20 KB with 413, whatever Content-Length says', async () => {
    const { handler, docs } = setup()
    const big = JSON.stringify({ ...valid, reason: 'x'.repeat(21 * 1024) })
    const declared = await handler(
      post(big, { 'content-type': 'application/json', 'content-length': String(big.length) }),
    )
    expect(declared.status).toBe(413)
    expect(await declared.json()).toEqual({
      ok: false,
      message: BOOKING_RESPONSE_MESSAGES.tooLarge,
    })

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 30; i += 1) controller.enqueue(new Uint8Array(1024).fill(32))
        controller.close()
      },
    })
    const chunked = await handler(
      new Request('http://localhost/prenota/invio', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(chunked.status).toBe(413)
    expect(docs).toHaveLength(0)
  })

  it('answers 400 to malformed JSON and 415 to other formats', async () => {
    const { handler } = setup()
    const malformed = await handler(post('{"name":', { 'content-type': 'application/json' }))
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toEqual({
      ok: false,
      message: BOOKING_RESPONSE_MESSAGES.badRequest,
    })
    expect((await handler(post('hello', { 'content-type': 'text/plain' }))).status).toBe(415)
  })

  it('hides unexpected errors behind a generic message and logs them without the data', async () => {
    const failure = new Error(
      'Failed query: insert into "appointment_requests" values (?, ?)\nparams: Maria Rossi,333 1234567',
    )
    const { handler, logError } = setup({ failCreate: failure })
    const response = await handler(postJson(valid))
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      ok: false,
      message: BOOKING_RESPONSE_MESSAGES.serverError,
    })
    expect(logError).toHaveBeenCalledTimes(1)
    const details = logError.mock.calls[0]?.[1] ?? ''
    expect(details).toContain('Failed query: insert into')
    expect(details).not.toContain('Maria Rossi')
  })
})

describe('cross-site posts', () => {
  const refused = { ok: false, message: BOOKING_RESPONSE_MESSAGES.crossSite }

  it.each([
    ['another site’s page', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    [
      'a sibling subdomain',
      { origin: 'https://blog.clinica.example.it', 'sec-fetch-site': 'same-site' },
    ],
    ['an old browser on another site', { origin: 'https://evil.example' }],
    ['the site over plain http', { origin: 'http://www.clinica.example.it' }],
    ['a sandboxed page', { origin: 'null' }],
    ['a matching Origin on a cross-site fetch', { origin: SITE, 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403, before counting it or reading it', async (_, headers) => {
    const { handler, docs } = setup({ limit: 1 })
    const response = await handler(postJson(valid, headers))
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual(refused)
    expect(docs).toHaveLength(0)
    // The refused post did not use up the visitor's allowance.
    expect((await handler(postJson(valid))).status).toBe(201)
  })

  it.each([
    [
      'the site’s own form (fetch or plain form post)',
      { origin: SITE, 'sec-fetch-site': 'same-origin' },
    ],
    ['a browser without Sec-Fetch-Site', { origin: SITE }],
    [
      'a same-origin form under a no-referrer policy (Origin: null)',
      { 'sec-fetch-site': 'same-origin', origin: 'null' },
    ],
    ['a client that is not a browser (curl)', {}],
  ])('accepts %s', async (_, headers) => {
    const { handler, docs } = setup()
    expect((await handler(postJson(valid, headers))).status).toBe(201)
    expect(docs).toHaveLength(1)
  })
})

describe('describeError', () => {
  it('keeps first lines, codes, stack frames and causes', () => {
    const cause = Object.assign(new Error('UNIQUE constraint failed: x.y\nsecret'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    })
    const text = describeError(new Error('outer\nsecret', { cause }))
    expect(text).toMatch(/^Error: outer\n/)
    expect(text).toContain('Caused by Error [SQLITE_CONSTRAINT_UNIQUE]: UNIQUE constraint failed')
    expect(text).toContain('    at ')
    expect(text).not.toContain('secret')
    expect(describeError('plain\nsecret')).toBe('plain')
  })
})

describe('hashIp', () => {
  it('is a keyed, stable hash that never contains the address', () => {
    const hash = hashIp('203.0.113.7', SECRET)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashIp('203.0.113.7', SECRET)).toBe(hash)
    expect(hashIp('203.0.113.7', `${SECRET}x`)).not.toBe(hash)
    expect(hashIp('unknown', SECRET)).toBeUndefined()
  })
})

describe('e-mail notices', () => {
  const withNotify = (notify: (payload: Payload, id: string) => Promise<unknown>) => {
    const { payload, docs } = fakePayload()
    const later: (() => Promise<unknown>)[] = []
    const logError = jest.fn<(message: string, details: string) => void>()
    const handler = createBookingHandler({
      limiter: createMemoryRateLimiter({ limit: 100, windowMs: 60_000 }),
      getPayload: async () => payload as unknown as Payload,
      getSecret: () => SECRET,
      getSiteOrigin: () => SITE,
      logError,
      notify,
      runAfterResponse: (task) => void later.push(task),
    })
    return { handler, docs, later, logError }
  }

  it('sends them after answering, once per stored request', async () => {
    const notify = jest.fn(async (_payload: Payload, _id: string) => 'inviata')
    const { handler, later } = withNotify(notify)

    expect((await handler(postJson(valid))).status).toBe(201)
    expect(notify).not.toHaveBeenCalled()
    expect(later).toHaveLength(1)
    await later[0]?.()
    expect(notify).toHaveBeenCalledWith(expect.anything(), expect.anything())

    // A repeated submission stores nothing and sends nothing.
    expect((await handler(postJson(valid))).status).toBe(200)
    expect(later).toHaveLength(1)
  })

  it('never lets a mail failure reach the patient', async () => {
    const { handler, docs, later, logError } = withNotify(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:25')
    })
    const response = await handler(postJson(valid))
    expect(response.status).toBe(201)
    expect(docs).toHaveLength(1)
    await later[0]?.()
    expect(logError).toHaveBeenCalledWith(
      '[prenota] Avviso della richiesta non inviato',
      expect.stringContaining('ECONNREFUSED'),
    )
  })
})
