/** @jest-environment node */
import { describe, expect, it } from '@jest/globals'

import { DEFAULT_SEARCH_RATE_LIMIT, parseEnv } from '@/lib/env'
import { createMemoryRateLimiter } from '@/lib/rate-limit'
import { createSearchLimit, tooManySearchesResponse } from '@/lib/search/rate-limit'

const memorySecret = { read: () => 'x'.repeat(32), write: () => undefined }

const request = (path: string, ip = '203.0.113.7') =>
  new Request(`http://localhost:3000${path}`, { headers: { 'x-forwarded-for': ip } })

/** A limit of `perMinute` on a fake clock, and the limiters it created. */
function limitOf(perMinute: { value: number }) {
  let time = 1_000_000
  const created: number[] = []
  const limit = createSearchLimit(
    () => perMinute.value,
    (max) => {
      created.push(max)
      return createMemoryRateLimiter({ limit: max, windowMs: 60_000, now: () => time })
    },
  )
  return { limit, created, advance: (ms: number) => (time += ms) }
}

describe('the /cerca limit per address', () => {
  it('lets `limit` searches a minute through, then answers 429 with Retry-After', async () => {
    const { limit, advance } = limitOf({ value: 3 })
    for (let i = 0; i < 3; i++) expect(await limit(request('/cerca?q=alluce'))).toBeUndefined()
    advance(20_000)
    const refused = await limit(request('/cerca?q=tallone&pagina=2'))
    expect(refused?.status).toBe(429)
    expect(refused?.headers.get('retry-after')).toBe('40')
    expect(refused?.headers.get('cache-control')).toBe('no-store')
    expect(refused?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await refused!.text()
    expect(html).toContain('<html lang="it">')
    expect(html).toContain('<h1>Troppe ricerche</h1>')
    expect(html).toContain('Hai fatto molte ricerche in poco tempo. Riprova tra 40 secondi.')
    // Another address has its own budget; the first one's comes back after the window.
    expect(await limit(request('/cerca?q=alluce', '198.51.100.2'))).toBeUndefined()
    advance(40_000)
    expect(await limit(request('/cerca?q=alluce'))).toBeUndefined()
  })

  it('neither counts nor refuses requests that search nothing, nor other paths', async () => {
    const { limit } = limitOf({ value: 1 })
    expect(await limit(request('/cerca?q=alluce'))).toBeUndefined()
    for (const path of [
      '/cerca',
      '/cerca?q=',
      '/cerca?q=%3F%21',
      `/cerca?q=${'a'.repeat(201)}`,
      '/blog',
      '/cercare?q=alluce',
    ]) {
      expect([path, await limit(request(path))]).toEqual([path, undefined])
    }
    expect((await limit(request('/cerca?q=alluce')))?.status).toBe(429)
  })

  it('is off at 0 and follows a changed setting', async () => {
    const setting = { value: 0 }
    const { limit, created } = limitOf(setting)
    for (let i = 0; i < 5; i++) expect(await limit(request('/cerca?q=alluce'))).toBeUndefined()
    expect(created).toEqual([])
    setting.value = 2
    await limit(request('/cerca?q=alluce'))
    await limit(request('/cerca?q=alluce'))
    expect((await limit(request('/cerca?q=alluce')))?.status).toBe(429)
    expect(created).toEqual([2])
  })

  it('says "un secondo" for the last second', async () => {
    expect(await tooManySearchesResponse(1).text()).toContain('Riprova tra un secondo.')
  })
})

describe('SEARCH_RATE_LIMIT', () => {
  it('defaults to 60 a minute and accepts 0 (no limit) to 100000', () => {
    expect(DEFAULT_SEARCH_RATE_LIMIT).toBe(60)
    expect(parseEnv({}, memorySecret).searchRateLimit).toBe(60)
    expect(parseEnv({ SEARCH_RATE_LIMIT: '0' }, memorySecret).searchRateLimit).toBe(0)
    expect(parseEnv({ SEARCH_RATE_LIMIT: ' ' }, memorySecret).searchRateLimit).toBe(60)
    expect(parseEnv({ SEARCH_RATE_LIMIT: '100000' }, memorySecret).searchRateLimit).toBe(100_000)
    for (const bad of ['-1', '1.5', 'tanti', '100001']) {
      expect(() => parseEnv({ SEARCH_RATE_LIMIT: bad }, memorySecret)).toThrow(/SEARCH_RATE_LIMIT/)
    }
  })
})
