/** @jest-environment node */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'

import {
  serverOrigin,
  startJobRunner,
  type JobRunner,
  type JobRunnerOptions,
} from '@/lib/jobs/runner'
import { isJobRunnerToken, JOB_RUNNER_HEADER, jobRunnerToken } from '@/lib/jobs/token'

const SECRET = 'unit-test-secret-0123456789abcdef0123'

type Call = { url: string; headers: Record<string, string> }

function fakeFetch(responses: Array<() => Promise<Response>>) {
  const calls: Call[] = []
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> })
    const next = responses.shift() ?? (() => Promise.resolve(new Response('{}')))
    return next()
  }) as typeof fetch
  return { calls, impl }
}

const quietLogger = () => ({ info: jest.fn(), error: jest.fn() })

describe('job runner token', () => {
  it('is derived from the secret and checked in constant time', () => {
    const token = jobRunnerToken(SECRET)
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    expect(token).toBe(jobRunnerToken(SECRET))
    expect(isJobRunnerToken(token, SECRET)).toBe(true)
    expect(isJobRunnerToken(jobRunnerToken(`${SECRET}x`), SECRET)).toBe(false)
    expect(isJobRunnerToken(token.slice(1), SECRET)).toBe(false)
    expect(isJobRunnerToken('', SECRET)).toBe(false)
    expect(isJobRunnerToken(null, SECRET)).toBe(false)
    // The token is not the secret itself.
    expect(token).not.toContain(SECRET)
  })
})

describe('serverOrigin', () => {
  it('prefers the origin Next.js records for the running server', () => {
    expect(serverOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://localhost:4000', PORT: '4000' })).toBe(
      'http://localhost:4000',
    )
  })
  it('falls back to the loopback address on PORT, then 3000', () => {
    expect(serverOrigin({ PORT: '8080' })).toBe('http://127.0.0.1:8080')
    expect(serverOrigin({})).toBe('http://127.0.0.1:3000')
  })
})

describe('startJobRunner', () => {
  let runner: JobRunner | undefined

  /** Starts a runner on fake timers: 1 s ticks, the first after 1 s, no logging. */
  const start = (fetch: typeof globalThis.fetch, options: Partial<JobRunnerOptions> = {}) => {
    runner = startJobRunner({
      origin: () => 'http://x',
      secret: SECRET,
      intervalMs: 1_000,
      initialDelayMs: 1_000,
      fetch,
      logger: quietLogger(),
      ...options,
    })
    return runner
  }

  beforeEach(() => {
    jest.useFakeTimers()
  })
  afterEach(() => {
    runner?.stop()
    jest.useRealTimers()
  })

  it('calls the run endpoint on the server itself, signed, first after the initial delay then every interval', async () => {
    const fetch = fakeFetch([])
    start(fetch.impl, {
      origin: () => 'http://127.0.0.1:4123',
      intervalMs: 20_000,
      initialDelayMs: 5_000,
    })
    expect(fetch.calls).toHaveLength(0)
    await jest.advanceTimersByTimeAsync(5_000)
    expect(fetch.calls).toHaveLength(1)
    expect(fetch.calls[0]?.url).toBe(
      'http://127.0.0.1:4123/api/payload-jobs/run?queue=default&silent=true',
    )
    expect(fetch.calls[0]?.headers[JOB_RUNNER_HEADER]).toBe(jobRunnerToken(SECRET))
    await jest.advanceTimersByTimeAsync(15_000)
    expect(fetch.calls).toHaveLength(2)
    await jest.advanceTimersByTimeAsync(20_000)
    expect(fetch.calls).toHaveLength(3)
  })

  it('never overlaps ticks: a slow run makes the next ticks wait for it', async () => {
    let finish: () => void = () => undefined
    const slow = () =>
      new Promise<Response>((resolve) => {
        finish = () => resolve(new Response('{}'))
      })
    const fetch = fakeFetch([slow])
    start(fetch.impl)
    await jest.advanceTimersByTimeAsync(3_500)
    expect(fetch.calls).toHaveLength(1)
    finish()
    await jest.advanceTimersByTimeAsync(1_000)
    expect(fetch.calls).toHaveLength(2)
  })

  it('logs a failure once per outage and says when the queue answers again', async () => {
    const logger = quietLogger()
    const fetch = fakeFetch([
      () => Promise.reject(new Error('ECONNREFUSED')),
      () => Promise.resolve(new Response('no', { status: 401 })),
      () => Promise.resolve(new Response('{}')),
    ])
    const { tick } = start(fetch.impl, { initialDelayMs: 60_000, logger })
    await tick()
    await tick()
    expect(logger.error).toHaveBeenCalledTimes(1)
    expect(String(logger.error.mock.calls[0]?.[0])).toMatch(/ECONNREFUSED/)
    await tick()
    expect(logger.info).toHaveBeenCalledWith('Job runner: the jobs queue answers again.')
  })

  it('stops ticking when stopped', async () => {
    const fetch = fakeFetch([])
    start(fetch.impl).stop()
    await jest.advanceTimersByTimeAsync(10_000)
    expect(fetch.calls).toHaveLength(0)
  })
})
