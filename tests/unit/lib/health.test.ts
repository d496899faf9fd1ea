/**
 * @jest-environment node
 */
import { describe, expect, it, jest } from '@jest/globals'
import type { Payload } from 'payload'

import { createHealthHandler, errorCode } from '@/lib/health'

const SECRET_URI = 'mongodb://clinic:s3cret@db.internal:27017/clinica'

/** Just the Local API call the probe makes. */
const fakePayload = (count: () => Promise<{ totalDocs: number }>) =>
  ({ count: jest.fn(count) }) as unknown as Payload

async function call(deps: Parameters<typeof createHealthHandler>[0]) {
  const response = await createHealthHandler(deps)()
  return { status: response.status, headers: response.headers, text: await response.text() }
}

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"} after a real count query, never cached', async () => {
    const payload = fakePayload(async () => ({ totalDocs: 2 }))
    const { status, headers, text } = await call({ getPayload: async () => payload })
    expect(status).toBe(200)
    expect(JSON.parse(text)).toEqual({ status: 'ok' })
    expect(headers.get('cache-control')).toBe('no-store')
    expect(headers.get('content-type')).toMatch(/^application\/json/)
    expect(payload.count).toHaveBeenCalledWith({ collection: 'categories', overrideAccess: true })
  })

  it('answers 503 with the driver code only: no message, SQL, path or connection string', async () => {
    const driverError = Object.assign(new Error(`SQLITE_NOTADB: file is not a database`), {
      code: 'SQLITE_NOTADB',
    })
    const queryError = new Error(
      `Failed query: select count(*) from "categories" -- ${SECRET_URI} /app/data/clinica.db`,
      { cause: driverError },
    )
    const logError = jest.fn()
    const payload = fakePayload(() => Promise.reject(queryError))
    const { status, headers, text } = await call({ getPayload: async () => payload, logError })
    expect(status).toBe(503)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(JSON.parse(text)).toEqual({
      status: 'error',
      reason: 'database query failed (SQLITE_NOTADB)',
    })
    expect(text).not.toMatch(/s3cret|clinica\.db|select|Failed query|\bat /)
    // The operator's log keeps the whole error.
    expect(logError).toHaveBeenCalledWith(
      'Health check failed: database query failed (SQLITE_NOTADB)',
      queryError,
    )
  })

  it('says Payload could not connect when its start-up failed', async () => {
    const initError = Object.assign(new Error(`cannot connect to ${SECRET_URI}`), {
      payloadInitError: true,
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:27017'), {
        code: 'ECONNREFUSED',
      }),
    })
    const { status, text } = await call({
      getPayload: () => Promise.reject(initError),
      logError: () => undefined,
    })
    expect(status).toBe(503)
    expect(JSON.parse(text)).toEqual({
      status: 'error',
      reason: 'database unavailable: Payload could not connect (ECONNREFUSED)',
    })
  })

  it('gives up after the timeout when the database hangs', async () => {
    const started = Date.now()
    const { status, text } = await call({
      getPayload: async () => fakePayload(() => new Promise(() => undefined)),
      timeoutMs: 50,
      logError: () => undefined,
    })
    expect(status).toBe(503)
    expect(JSON.parse(text)).toEqual({
      status: 'error',
      reason: 'database did not answer within 50 ms',
    })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('keeps a plain reason when the error has no usable code', async () => {
    const { text } = await call({
      getPayload: async () => fakePayload(() => Promise.reject(new Error(SECRET_URI))),
      logError: () => undefined,
    })
    expect(JSON.parse(text)).toEqual({ status: 'error', reason: 'database query failed' })
  })
})

describe('errorCode', () => {
  it('finds an identifier-like code along the cause chain and ignores anything else', () => {
    expect(errorCode(Object.assign(new Error('x'), { code: 'SQLITE_CANTOPEN' }))).toBe(
      'SQLITE_CANTOPEN',
    )
    expect(errorCode(new Error('x', { cause: { code: 'ECONNREFUSED' } }))).toBe('ECONNREFUSED')
    // Numeric codes (MongoDB's 18) or free text are not shown.
    expect(errorCode({ code: 18 })).toBeUndefined()
    expect(errorCode({ code: 'auth failed for mongodb://u:p@h' })).toBeUndefined()
    const loop: { cause?: unknown } = {}
    loop.cause = loop
    expect(errorCode(loop)).toBeUndefined()
    expect(errorCode(undefined)).toBeUndefined()
  })
})
