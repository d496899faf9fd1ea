/** @jest-environment node */
import { afterEach, describe, expect, it, jest } from '@jest/globals'

import { createRedirectTable, restRedirectSource, type RedirectSource } from '@/lib/redirects/table'
import type { RedirectsVersion } from '@/lib/redirects/version'

// Pin the environment getEnv() reads (the public address), whatever the shell running the test.
process.env.SITE_URL = 'https://www.clinica.example'
process.env.PAYLOAD_SECRET = 'x'.repeat(32)
delete process.env.REDIS_URL

const rule = (from: string, to: string) => ({
  from,
  type: '301' as const,
  to: { type: 'custom' as const, url: to },
})
const policy = { siteHosts: ['www.clinica.it'], allowedHosts: [] }

/** A source over a mutable list of redirects, counting its loads; `gate` holds a load back. */
function fakeSource() {
  const state = { docs: [rule('/a', '/b')], loads: 0, gate: undefined as Promise<void> | undefined }
  const source: RedirectSource = async () => {
    state.loads += 1
    const docs = [...state.docs]
    await state.gate
    return { docs, policy }
  }
  return { state, source }
}

describe('redirect table', () => {
  it('reloads before answering when the version changed, and not otherwise', async () => {
    const { state, source } = fakeSource()
    let version: RedirectsVersion = { local: 0, shared: null }
    const table = createRedirectTable({ source, version: async () => version, maxAgeMs: 3_600_000 })
    expect(await table.find('/a')).toEqual({ to: '/b', status: 301 })
    expect(await table.find('/c')).toBeUndefined()
    expect(state.loads).toBe(1)

    state.docs.push(rule('/c', '/d'))
    version = { local: 1, shared: null }
    expect(await table.find('/c')).toEqual({ to: '/d', status: 301 })
    expect(state.loads).toBe(2)

    // Another instance's change, announced through Redis.
    state.docs.push(rule('/e', '/f'))
    version = { local: 1, shared: '7' }
    expect(await table.find('/e')).toEqual({ to: '/f', status: 301 })
    // Redis unreadable for a moment: this process's stamp alone decides, no reload.
    version = { local: 1, shared: null }
    expect(await table.find('/e')).toEqual({ to: '/f', status: 301 })
    expect(state.loads).toBe(3)
  })

  it('does not answer from a load that began before the change it was asked after', async () => {
    const { state, source } = fakeSource()
    let version: RedirectsVersion = { local: 0, shared: '1' }
    // Always older than its maximum age: every request also starts a background reload.
    const table = createRedirectTable({
      source,
      version: async () => version,
      maxAgeMs: -1,
    })
    await table.find('/a')

    // A periodic reload starts (the table is older than maxAgeMs) and is slow.
    let open = () => {}
    state.gate = new Promise((resolve) => (open = resolve))
    await table.find('/a')
    expect(state.loads).toBe(2)

    // Meanwhile a redirect is saved elsewhere and announced.
    state.docs.push(rule('/nuovo', '/blog/nuovo'))
    version = { local: 0, shared: '2' }
    const answer = table.find('/nuovo')
    state.gate = undefined
    open()
    expect(await answer).toEqual({ to: '/blog/nuovo', status: 301 })
    expect(state.loads).toBe(3)
  })

  it('reads the redirects again shortly after a change (it may be announced before it is committed)', async () => {
    const { state, source } = fakeSource()
    let version: RedirectsVersion = { local: 0, shared: '1' }
    const table = createRedirectTable({
      source,
      version: async () => version,
      maxAgeMs: 3_600_000,
      settleMs: 50,
    })
    await table.find('/a')
    version = { local: 0, shared: '2' } // announced; the saving transaction has not committed yet
    expect(await table.find('/nuovo')).toBeUndefined()
    expect(state.loads).toBe(2)
    state.docs.push(rule('/nuovo', '/blog/nuovo')) // committed
    await new Promise((resolve) => setTimeout(resolve, 60))
    await table.find('/nuovo') // starts the second read, in the background
    expect(state.loads).toBe(3)
    expect(await table.find('/nuovo')).toEqual({ to: '/blog/nuovo', status: 301 })
    // Then the usual age applies again.
    expect(await table.find('/nuovo')).toEqual({ to: '/blog/nuovo', status: 301 })
    expect(state.loads).toBe(3)
  })

  it('keeps serving the previous table when a reload fails', async () => {
    let fail = false
    let version: RedirectsVersion = { local: 0, shared: null }
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const table = createRedirectTable({
      source: async () => {
        if (fail) throw new Error('server starting')
        return { docs: [rule('/a', '/b')], policy }
      },
      version: async () => version,
    })
    expect(await table.find('/a')).toEqual({ to: '/b', status: 301 })
    fail = true
    version = { local: 1, shared: null }
    expect(await table.find('/a')).toEqual({ to: '/b', status: 301 })
    expect(error).toHaveBeenCalledWith('Could not load redirects', expect.any(Error))
    error.mockRestore()
  })
})

describe('restRedirectSource', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('reads the API of the server itself at its internal address, never the public one', async () => {
    const urls: string[] = []
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input)
      urls.push(url)
      return url.includes('/api/globals/clinic')
        ? Response.json({ redirectHosts: [{ host: 'www.partner.it' }] })
        : Response.json({ docs: [rule('/a', '/b')], hasNextPage: false })
    })
    const { docs, policy: loaded } = await restRedirectSource(() => 'http://127.0.0.1:4123')()
    expect(urls.sort()).toEqual([
      'http://127.0.0.1:4123/api/globals/clinic?depth=0&select[redirectHosts]=true',
      'http://127.0.0.1:4123/api/redirects?depth=1&limit=100&page=1&sort=id',
    ])
    expect(docs).toEqual([rule('/a', '/b')])
    expect(loaded.allowedHosts).toEqual(['www.partner.it'])
    expect(loaded.siteHosts).toEqual(['127.0.0.1:4123', 'www.clinica.example'])
  })
})
