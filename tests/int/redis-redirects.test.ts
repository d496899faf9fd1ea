import { describe, expect, it } from '@jest/globals'

import { createRedirectTable, type RedirectSource } from '@/lib/redirects/table'
import { bumpRedirectsVersion, redirectsVersion } from '@/lib/redirects/version'

import { redisForThisFile } from './helpers/redis'

/*
 * A redirect saved on one instance is served by every instance at its next request: each
 * instance's table compares a version stamp kept in Redis before answering.
 */

const redisFile = redisForThisFile()
const connect = () => redisFile.connect()

describe('redirects version in Redis', () => {
  it('a change counted on instance A is seen by instance B', async () => {
    const [a, b] = [connect(), connect()]
    const before = await redirectsVersion(b)
    expect(before.shared).toBe('0')
    await bumpRedirectsVersion(a)
    const after = await redirectsVersion(b)
    expect(after).toEqual({ local: before.local + 1, shared: '1' })
    await bumpRedirectsVersion(b)
    expect((await redirectsVersion(a)).shared).toBe('2')
  })
})

describe('redirect tables of two instances', () => {
  /** The database both instances read: the redirects saved so far. */
  const saved: { from: string; to: string }[] = []
  const loads = { a: 0, b: 0 }
  const source =
    (name: keyof typeof loads): RedirectSource =>
    async () => {
      loads[name] += 1
      return {
        docs: saved.map(({ from, to }) => ({ from, type: '301', to: { type: 'custom', url: to } })),
        policy: { siteHosts: ['www.clinica.it'], allowedHosts: [] },
      }
    }

  it('serves a redirect saved through A on B at its very next request, and only reloads on a change', async () => {
    const [connectionA, connectionB] = [connect(), connect()]
    // An hour between periodic reloads: only the version stamp can explain a reload here.
    const a = createRedirectTable({
      source: source('a'),
      version: () => redirectsVersion(connectionA),
      maxAgeMs: 3_600_000,
    })
    const b = createRedirectTable({
      source: source('b'),
      version: () => redirectsVersion(connectionB),
      maxAgeMs: 3_600_000,
    })
    expect(await a.find('/vecchio-articolo')).toBeUndefined()
    expect(await b.find('/vecchio-articolo')).toBeUndefined()
    expect(await b.find('/altro')).toBeUndefined()
    expect(loads).toEqual({ a: 1, b: 1 })

    // A post renamed on A: the hook saves the redirect and bumps the version.
    saved.push({ from: '/blog/vecchio-articolo', to: '/blog/nuovo-articolo' })
    await bumpRedirectsVersion(connectionA)

    expect(await b.find('/blog/vecchio-articolo')).toEqual({
      to: '/blog/nuovo-articolo',
      status: 301,
    })
    expect(await a.find('/blog/vecchio-articolo/')).toEqual({
      to: '/blog/nuovo-articolo',
      status: 301,
    })
    expect(await b.find('/blog/nuovo-articolo')).toBeUndefined()
    expect(loads).toEqual({ a: 2, b: 2 })
  })
})
