import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'

import { expect, test } from '@playwright/test'

import { freePort } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { ownEnv, runScript, startOwnServer, type OwnServer } from './resilience/own-server'

import { startRedisServer, type TestRedis } from '../support/redis-server'

/**
 * Issue 11: two `next start` instances of the e2e build on one SQLite database and one Redis
 * (REDIS_URL), as behind a load balancer. Whatever instance a request reaches, it sees the same
 * pages, redirects and limits; with Redis gone, both keep serving patients.
 */

const RUN = randomBytes(3).toString('hex')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Next stores a freshly rendered page just after answering with it. */
const STORED_MS = 300

type Instance = { name: string; baseUrl: string; server: OwnServer }
let redis: TestRedis
let dir: string
let a: Instance
let b: Instance

test.beforeAll(async () => {
  test.setTimeout(300_000)
  redis = await startRedisServer()
  const own = await ownEnv('clinica-shared-')
  dir = own.dir
  const env = { ...own.env, REDIS_URL: redis.url }
  await runScript('migrate', env)
  await runScript('seed', env)
  // Both instances answer for the same public address (A's, as a balancer would be).
  const portB = await freePort()
  const baseB = `http://127.0.0.1:${portB}`
  const [serverA, serverB] = await Promise.all([
    startOwnServer({ ...own, env }),
    startOwnServer({ ...own, port: portB, baseUrl: baseB, env }),
  ])
  a = { name: 'A', baseUrl: own.baseUrl, server: serverA }
  b = { name: 'B', baseUrl: baseB, server: serverB }
})

test.afterAll(async () => {
  test.setTimeout(60_000)
  await Promise.all([a?.server.stop(), b?.server.stop()])
  await redis?.dispose()
  if (dir) await rm(dir, { recursive: true, force: true })
})

type Page = { status: number; cache: string | null; location: string | null; text: string }
async function get(instance: Instance, path: string): Promise<Page> {
  const response = await fetch(`${instance.baseUrl}${path}`, { redirect: 'manual' })
  return {
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    location: response.headers.get('location'),
    text: await response.text(),
  }
}

const login = (instance: Instance, email: string, from: string) =>
  fetch(`${instance.baseUrl}/api/users/login`, {
    method: 'POST',
    // Both instances sit behind one trusted proxy (TRUSTED_PROXY_HOPS=1) that appends this.
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ email, password: 'password-sbagliata-123' }),
  })

test.describe('two instances, one Redis', () => {
  test('serves on each instance the pages the other rendered, and a publish through A on B at the next request', async () => {
    const rendered = await get(b, '/blog')
    expect(rendered.status).toBe(200)
    await sleep(STORED_MS)
    // Rendered by B, served from the shared cache by A.
    const fromCache = await get(a, '/blog')
    expect(fromCache.cache).toBe('HIT')
    expect(fromCache.text).toBe(rendered.text)

    const title = `Metatarsalgia ${RUN}: cause e cure`
    const { slug } = await createPublishedPost(a.baseUrl, title)

    const listing = await get(b, '/blog')
    expect(listing.status).toBe(200)
    expect(listing.cache).not.toBe('HIT')
    expect(listing.text).toContain(title)
    const article = await get(b, `/blog/${slug}`)
    expect(article.status).toBe(200)
    expect(article.text).toContain(title)
    // And the fresh listing is shared again.
    await sleep(STORED_MS)
    expect((await get(a, '/blog')).cache).toBe('HIT')
  })

  test("answers a renamed post's old URL with 301 on both instances at the next request", async () => {
    const { headers, id, slug } = await createPublishedPost(a.baseUrl, `Alluce rigido ${RUN}`)
    // Both instances have served the old URL: their redirect tables are loaded by now.
    expect((await get(a, `/blog/${slug}`)).status).toBe(200)
    expect((await get(b, `/blog/${slug}`)).status).toBe(200)

    const renamed = await fetch(`${a.baseUrl}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ slug: `alluce-rigido-cure-${RUN}`, _status: 'published' }),
    })
    expect(renamed.status).toBe(200)

    for (const instance of [b, a]) {
      const old = await get(instance, `/blog/${slug}`)
      expect([instance.name, old.status]).toEqual([instance.name, 301])
      expect(new URL(old.location ?? '', instance.baseUrl).pathname).toBe(
        `/blog/alluce-rigido-cure-${RUN}`,
      )
    }
  })

  test('holds the login limit (30 per address) across both instances', async () => {
    test.setTimeout(120_000)
    const from = '203.0.113.50'
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const instance = i % 2 === 0 ? a : b
      statuses.push((await login(instance, `nessuno-${RUN}-${i}@example.com`, from)).status)
    }
    expect(statuses).toEqual(Array(30).fill(401))
    for (const instance of [a, b]) {
      const refused = await login(instance, `ancora-${RUN}@example.com`, from)
      expect([instance.name, refused.status]).toEqual([instance.name, 429])
      // Fifteen minutes from the first of the 30 attempts.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800)
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(900)
    }
    // Another address is not affected.
    expect((await login(b, `nessuno-${RUN}@example.com`, '203.0.113.51')).status).toBe(401)
  })

  test('slows down repeated failures on one account whichever instance they reach', async () => {
    const from = '203.0.113.60'
    const account = `bersaglio-${RUN}@example.com`
    const statuses = []
    for (const instance of [a, b, a, b])
      statuses.push((await login(instance, account, from)).status)
    expect(statuses).toEqual([401, 401, 401, 429])
  })

  test('keeps serving patients when Redis goes away, logging it once per instance', async () => {
    test.setTimeout(120_000)
    // What each instance logs from now on (an earlier hiccup would be an outage of its own).
    const logged = new Map([a, b].map((instance) => [instance, instance.server.logs().length]))
    const since = (instance: Instance) => instance.server.logs().slice(logged.get(instance))
    await redis.stop()
    const title = `Fascite plantare ${RUN}`
    for (const instance of [a, b]) {
      expect([instance.name, (await get(instance, '/')).status]).toEqual([instance.name, 200])
      expect([instance.name, (await get(instance, '/blog')).status]).toEqual([instance.name, 200])
      expect([
        instance.name,
        (await login(instance, `x-${RUN}@example.com`, '203.0.113.70')).status,
      ]).toEqual([instance.name, 401])
    }
    // Publishing still works, and pages render fresh on every instance meanwhile.
    const { slug } = await createPublishedPost(a.baseUrl, title)
    expect((await get(b, '/blog')).text).toContain(title)
    expect((await get(b, `/blog/${slug}`)).status).toBe(200)

    await sleep(2_500) // several failed reconnection attempts
    for (const instance of [a, b]) {
      const outages = since(instance).match(/Redis unavailable at /g) ?? []
      expect([instance.name, outages.length]).toEqual([instance.name, 1])
    }

    await redis.restart()
    for (const instance of [a, b]) {
      const deadline = Date.now() + 15_000
      while (!since(instance).includes('is back: shared state restored.')) {
        if (Date.now() > deadline) throw new Error(`${instance.name} did not reconnect`)
        await sleep(100)
      }
    }
    // Shared again: rendered on A, a hit on B.
    expect((await get(a, '/')).status).toBe(200)
    await sleep(STORED_MS)
    expect((await get(b, '/')).cache).toBe('HIT')
  })
})
