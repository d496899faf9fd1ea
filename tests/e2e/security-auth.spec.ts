import { rm } from 'node:fs/promises'

import { expect, test } from '@playwright/test'

import { E2E_ADMIN, e2eBaseUrl } from './helpers/app'
import { ownEnv, runScript, startOwnServer } from './resilience/own-server'

/*
 * Issue 15's account attacks, replayed over HTTP against the real server. The shared e2e server
 * trusts one proxy hop (TRUSTED_PROXY_HOPS=1, as behind nginx), so a request's client address is
 * the last X-Forwarded-For entry, the one a proxy appends; entries a client forges go before it.
 */

const baseUrl = e2eBaseUrl()

const login = (
  body: { email: string; password: string },
  forwardedFor: string,
  path = '/api/users/login',
) =>
  fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify(body),
    redirect: 'manual',
  })

let forged = 0
/** A different made-up address each call, written by the "client" before the proxy's entry. */
const forgery = () => `192.0.2.${++forged % 250}, 10.${forged}.0.1`

test.describe('login limits', () => {
  test('hold when the client forges X-Forwarded-For, under every URL spelling', async () => {
    const client = '203.0.113.70'
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const response = await login(
        { email: `nessuno${i}@example.com`, password: 'sbagliata-1234' },
        `${forgery()}, ${client}`,
      )
      statuses.push(response.status)
    }
    expect(statuses).toEqual(Array(30).fill(401))

    // The limit is reached: the admin's right password, under any spelling, gets no session.
    const spellings = [
      '/api/users/login',
      '/api/users/%6cogin',
      '/api/users/%6C%6F%67%69%6E',
      '/api//users/login',
      '/api/users/login/',
    ]
    for (const path of spellings) {
      const response = await login(E2E_ADMIN, `${forgery()}, ${client}`, path)
      const text = await response.text()
      expect({ path, token: text.includes('"token"') }).toEqual({ path, token: false })
      expect([301, 302, 307, 308, 404, 429]).toContain(response.status)
    }
    const limited = await login(E2E_ADMIN, `${forgery()}, ${client}`, '/api/users/%6cogin')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  test('limit password-reset requests, encoded spelling included', async () => {
    const client = '203.0.113.71'
    const ask = (path: string) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': `${forgery()}, ${client}`,
        },
        body: JSON.stringify({ email: 'nessuno@example.com' }),
      })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await ask('/api/users/forgot-password')).status)
    expect(statuses).toEqual(Array(5).fill(200))
    expect((await ask('/api/users/forgot-%70assword')).status).toBe(429)
    expect((await ask('/api/users/forgot-password')).status).toBe(429)
  })
})

test.describe('failed logins', () => {
  test('cannot lock the admin out: wrong passwords from five addresses, then the right one', async () => {
    for (let i = 0; i < 6; i++) {
      const response = await login(
        { email: E2E_ADMIN.email, password: 'sbagliata-1234' },
        `203.0.113.${80 + i}`,
      )
      expect(response.status).toBe(401)
      expect(await response.text()).not.toMatch(/bloccat|locked/i)
    }
    const ok = await login(E2E_ADMIN, '203.0.113.90')
    expect(ok.status).toBe(200)
  })

  test('slow down only the address that keeps failing', async () => {
    const attacker = '203.0.113.91'
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await login({ email: E2E_ADMIN.email, password: 'sbagliata-1234' }, attacker)).status,
      )
    }
    expect(statuses).toEqual([401, 401, 401, 429])
    expect((await login(E2E_ADMIN, attacker)).status).toBe(429)
    expect((await login(E2E_ADMIN, '203.0.113.92')).status).toBe(200)
  })

  test('answer an unknown e-mail like a wrong password, in about the same time', async () => {
    const timed = async (email: string, from: string) => {
      const started = performance.now()
      const response = await login({ email, password: 'sbagliata-1234' }, from)
      return {
        status: response.status,
        body: await response.text(),
        ms: performance.now() - started,
      }
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let round = 0; round < 4; round++) {
      const a = await timed(E2E_ADMIN.email, `203.0.113.${100 + round}`)
      const b = await timed(`sconosciuto${round}@example.com`, `203.0.113.${110 + round}`)
      expect([a.status, b.status]).toEqual([401, 401])
      expect(a.body).toBe(b.body)
      known.push(a.ms)
      unknown.push(b.ms)
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1]!
    const ratio = median(unknown) / median(known)
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})

test.describe('a server facing the Internet directly (no trusted proxy)', () => {
  const cleanup: (() => Promise<void>)[] = []
  test.afterAll(async () => {
    test.setTimeout(60_000)
    for (const step of cleanup.reverse()) await step()
  })

  test('ignores X-Forwarded-For entirely', async () => {
    test.setTimeout(120_000)
    const own = await ownEnv('clinica-direct-')
    cleanup.push(() => rm(own.dir, { recursive: true, force: true }))
    own.env.TRUSTED_PROXY_HOPS = '0'
    own.env.JOB_RUNNER = 'off'
    await runScript('migrate', own.env)
    const server = await startOwnServer(own)
    cleanup.push(() => server.stop())

    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const response = await fetch(`${own.baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${i + 1}` },
        body: JSON.stringify({ email: `nessuno${i}@example.com`, password: 'sbagliata-1234' }),
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401))
    expect(statuses[30]).toBe(429)
  })
})
