import { randomBytes } from 'node:crypto'
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from 'node:http'

import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { startNginx, type Nginx } from '../../deploy/topology/nginx'

import { E2E_ADMIN, freePort } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'
import { startTestTopology, type TestTopology } from './helpers/topology'

import { resolveClientAddress } from '@/lib/client-ip'

/**
 * Issue 11: several app instances behind the caching proxy (deploy/nginx.conf), one truth for
 * pages, redirects, limits and media. First the proxy's own rules against two stand-in
 * instances (exact control over what they answer), then the real topology of
 * `npm run topology`: nginx, two `next start` of the e2e build, one SQLite file, Redis and S3.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const TAG = randomBytes(4).toString('hex')

/** Status of a GET whose whole body arrived; rejects on a reset or cut response. */
const httpGet = (url: string, agent: Agent) =>
  new Promise<number>((resolve, reject) => {
    const request = httpRequest(url, { agent, timeout: 10_000 }, (response) => {
      response.on('data', () => undefined)
      response.once('end', () =>
        response.complete ? resolve(response.statusCode ?? 0) : reject(new Error('cut short')),
      )
      response.once('error', reject)
    })
    request.once('timeout', () => request.destroy(new Error('timed out')))
    request.once('error', reject)
    request.end()
  })

type Answer = { status: number; cache: string | null; headers: Headers; text: string }
async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { headers, redirect: 'manual' })
  const text = await response.text()
  return {
    status: response.status,
    cache: response.headers.get('x-cache-status'),
    headers: response.headers,
    text,
  }
}

/** What a stand-in instance saw and when it answered. */
type Echo = {
  instance: string
  n: number
  at: number
  path: string
  forwardedFor: string | null
  session: boolean
  variant: (string | null)[]
}
const echo = (answer: Answer) => JSON.parse(answer.text) as Echo
const RSC_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-router-state-tree',
  'next-url',
]

test.describe('deploy/nginx.conf in front of two stand-in instances', () => {
  let answered = 0
  const stubs: { name: string; server: Server; port: number }[] = []
  let nginx: Nginx

  /** Answers like the app: public pages with `s-maxage=600`, plus the cases the proxy must spot. */
  function respond(name: string, request: IncomingMessage) {
    const path = request.url ?? '/'
    const cookie = request.headers.cookie ?? ''
    const body: Echo = {
      instance: name,
      n: ++answered,
      at: Date.now(),
      path,
      forwardedFor: request.headers['x-forwarded-for']?.toString() ?? null,
      session: /payload-token|__prerender_bypass/.test(cookie) || !!request.headers.authorization,
      variant: RSC_HEADERS.map((header) => request.headers[header]?.toString() ?? null),
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Cache-Control': 's-maxage=600, stale-while-revalidate=31535400',
      Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch',
    }
    if (path.startsWith('/set-cookie')) headers['Set-Cookie'] = 'scelta=1; Path=/'
    if (path.startsWith('/private')) headers['Cache-Control'] = 'private, no-store'
    if (path.startsWith('/_next/static/')) {
      headers['Cache-Control'] = 'public, max-age=31536000, immutable'
    }
    return { headers, body: JSON.stringify(body), delayMs: path.startsWith('/slow') ? 700 : 0 }
  }

  async function startStub(name: string) {
    const server = createServer((request, response) => {
      const { headers, body, delayMs } = respond(name, request)
      setTimeout(() => response.writeHead(200, headers).end(body), delayMs)
    })
    const port = await freePort()
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    stubs.push({ name, server, port })
  }

  const stopStub = (name: string) => {
    const stub = stubs.find((candidate) => candidate.name === name)!
    stub.server.closeAllConnections()
    return new Promise<void>((resolve) => stub.server.close(() => resolve()))
  }

  const at = (path: string, headers?: Record<string, string>) => get(`${nginx.url}${path}`, headers)

  test.beforeAll(async () => {
    await startStub('a')
    await startStub('b')
    nginx = await startNginx({
      port: await freePort(),
      upstreams: [`127.0.0.1:${stubs[0]!.port}`, `127.0.0.1:${stubs[1]!.port}`],
    })
  })

  test.afterAll(async () => {
    await nginx?.stop()
    for (const stub of stubs) if (stub.server.listening) await stopStub(stub.name)
  })

  test('balances over both instances and passes the real client address', async () => {
    const seen = new Set<string>()
    for (let i = 0; i < 10; i++) {
      // A client writing its own X-Forwarded-For, as anyone can.
      const answer = await at('/api/eco', { 'X-Forwarded-For': '203.0.113.9' })
      expect(answer.status).toBe(200)
      const { instance, forwardedFor } = echo(answer)
      seen.add(instance)
      expect(forwardedFor).toBe('203.0.113.9, 127.0.0.1')
      // What the app takes as the client with TRUSTED_PROXY_HOPS=1: the address nginx appended.
      expect(resolveClientAddress('127.0.0.1', forwardedFor ?? '', 1)).toBe('127.0.0.1')
    }
    expect([...seen].sort()).toEqual(['a', 'b'])
  })

  test('serves a public page from its cache for at most 1 s, whatever s-maxage says', async () => {
    const ages: number[] = []
    const statuses = new Map<string, number>()
    const versions = new Set<number>()
    const started = Date.now()
    while (Date.now() - started < 3_500) {
      const asked = Date.now()
      const answer = await at('/blog/articolo')
      expect(answer.status).toBe(200)
      const { n, at: renderedAt } = echo(answer)
      // Age when asked for: a slow delivery on a busy machine does not count against the proxy.
      ages.push(asked - renderedAt)
      versions.add(n)
      statuses.set(answer.cache ?? 'none', (statuses.get(answer.cache ?? 'none') ?? 0) + 1)
      await sleep(20)
    }
    // Mostly from the cache, refreshed at least every second, never older than 1 s. (A plain
    // `proxy_cache_valid 1s` fails this: nginx keeps such a copy for up to 2 s.)
    expect(statuses.get('HIT') ?? 0).toBeGreaterThan(ages.length / 2)
    expect(versions.size).toBeGreaterThanOrEqual(3)
    expect(Math.max(...ages)).toBeLessThan(1_050)
  })

  test("keeps the HTML and each of Next's RSC variants apart", async () => {
    const html = await at('/blog/varianti')
    expect(echo(html).variant).toEqual([null, null, null, null, null])
    const variants: [string, Record<string, string>, (string | null)[]][] = [
      ['/blog/varianti', { RSC: '1' }, ['1', null, null, null, null]],
      ['/blog/varianti', { RSC: '1', 'Next-Router-Prefetch': '1' }, ['1', '1', null, null, null]],
      [
        '/blog/varianti',
        { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' },
        ['1', null, '/_tree', null, null],
      ],
      [
        '/blog/varianti',
        { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%5D' },
        ['1', null, null, '%5B%22%22%5D', null],
      ],
      ['/blog/varianti', { RSC: '1', 'Next-Url': '/blog' }, ['1', null, null, null, '/blog']],
      ['/blog/varianti?_rsc=1abcd', { RSC: '1' }, ['1', null, null, null, null]],
    ]
    for (const [path, headers, expected] of variants) {
      const answer = await at(path, headers)
      const seen = echo(answer)
      // Its own answer, never the cached HTML or another variant.
      expect({ headers, cache: answer.cache, url: seen.path, variant: seen.variant }).toEqual({
        headers,
        cache: 'MISS',
        url: path,
        variant: expected,
      })
    }
    // And the HTML is still the HTML.
    expect(echo(await at('/blog/varianti')).variant).toEqual([null, null, null, null, null])
  })

  test('never caches /admin, /api or /anteprima', async () => {
    for (const path of [
      '/admin',
      '/admin/collections/posts',
      '/api/posts',
      '/anteprima/articoli/1',
    ]) {
      const first = await at(path)
      const second = await at(path)
      expect({ path, cache: first.cache }).toEqual({ path, cache: null })
      expect(echo(second).n).not.toBe(echo(first).n)
    }
  })

  test('never stores responses with Set-Cookie or a private Cache-Control', async () => {
    for (const path of ['/set-cookie', '/private']) {
      const first = await at(path)
      const second = await at(path)
      expect({ path, cache: second.cache }).not.toEqual({ path, cache: 'HIT' })
      expect(echo(second).n).not.toBe(echo(first).n)
    }
  })

  test('never serves a cached page to a session, nor caches what a session gets', async () => {
    const sessions: Record<string, string>[] = [
      { Cookie: 'payload-lng=it; payload-token=eyJhbGciOi' },
      { Cookie: '__prerender_bypass=1' },
      { Authorization: 'JWT eyJhbGciOi' },
    ]
    const anonymous = await at('/blog/sessione')
    for (const headers of sessions) {
      const mine = await at('/blog/sessione', headers)
      expect({ headers, cache: mine.cache, session: echo(mine).session }).toEqual({
        headers,
        cache: 'BYPASS',
        session: true,
      })
      const after = await at('/blog/sessione')
      expect(echo(after).session).toBe(false)
    }
    // A page first requested with a session is not stored for the next anonymous reader.
    for (const [index, headers] of sessions.entries()) {
      await at(`/blog/prima-con-sessione-${index}`, headers)
      const next = await at(`/blog/prima-con-sessione-${index}`)
      expect(echo(next).session).toBe(false)
    }
    expect(anonymous.status).toBe(200)
  })

  test('keeps /_next/static files for longer', async () => {
    const first = await at('/_next/static/chunks/app-0123abcd.js')
    await sleep(2_100)
    const later = await at('/_next/static/chunks/app-0123abcd.js')
    expect(later.cache).toBe('HIT')
    expect(echo(later).n).toBe(echo(first).n)
  })

  test('serves the stale page to other readers while one request refreshes it', async () => {
    const cached = echo(await at('/slow/pagina'))
    await sleep(1_200)
    const refresher = at('/slow/pagina')
    await sleep(100)
    const startedAt = Date.now()
    const other = await at('/slow/pagina')
    const otherMs = Date.now() - startedAt
    const refreshed = await refresher
    expect(other.cache).toBe('UPDATING')
    expect(echo(other).n).toBe(cached.n)
    expect(otherMs).toBeLessThan(500)
    expect(refreshed.cache).toBe('EXPIRED')
    expect(echo(refreshed).n).toBeGreaterThan(cached.n)
  })

  // Last: stops the stand-ins.
  test('retries the other instance when one dies, and serves stale pages when none answers', async () => {
    const cached = echo(await at('/blog/quando-cadono'))
    await stopStub('a')
    for (let i = 0; i < 10; i++) {
      const answer = await at('/api/eco')
      expect({ status: answer.status, instance: echo(answer).instance }).toEqual({
        status: 200,
        instance: 'b',
      })
    }
    await stopStub('b')
    await sleep(1_200)
    const stale = await at('/blog/quando-cadono')
    expect({ status: stale.status, cache: stale.cache }).toEqual({ status: 200, cache: 'STALE' })
    expect(echo(stale).n).toBe(cached.n)
    expect((await at('/api/eco')).status).toBe(502)
  })
})

test.describe('the topology: nginx, two app instances, one SQLite file, Redis and S3', () => {
  let topology: TestTopology
  const proxy = () => topology.baseUrl
  const instances = () => topology.instances

  test.beforeAll(async () => {
    test.setTimeout(240_000)
    topology = await startTestTopology()
  })

  test.afterAll(async () => {
    await topology?.dispose()
  })

  const titleShown = (html: string, title: string) => html.includes(`<h1>${title}</h1>`)

  /** Polls `url` until `done`; ms from `since`, or Infinity after 5 s. */
  async function timeUntil(url: string, done: (answer: Answer) => boolean, since: number) {
    while (performance.now() - since < 5_000) {
      if (done(await get(url))) return performance.now() - since
      await sleep(25)
    }
    return Number.POSITIVE_INFINITY
  }

  test('publish through instance A: instance B and the proxy serve the new version within 1.5 s', async () => {
    const [a, b] = instances()
    const { headers, id, slug } = await createPublishedPost(a.url, `Pubblicato su A ${TAG}`)
    const path = `/blog/${slug}`
    // Every cache on the way holds the current version before the change.
    for (const base of [a.url, b.url, proxy(), b.url, proxy()]) {
      expect((await get(`${base}${path}`)).status).toBe(200)
    }
    const delays: { b: number[]; proxy: number[] } = { b: [], proxy: [] }
    for (let round = 1; round <= 3; round++) {
      const title = `Revisione ${round} ${TAG}`
      const saved = await fetch(`${a.url}/api/posts/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ title, _status: 'published' }),
      })
      expect(saved.status).toBe(200)
      await saved.arrayBuffer()
      const savedAt = performance.now()
      const shows = (answer: Answer) => answer.status === 200 && titleShown(answer.text, title)
      const [onB, viaProxy] = await Promise.all([
        timeUntil(`${b.url}${path}`, shows, savedAt),
        timeUntil(`${proxy()}${path}`, shows, savedAt),
      ])
      delays.b.push(Math.round(onB))
      delays.proxy.push(Math.round(viaProxy))
    }
    console.log(`publish → live (ms): instance B ${delays.b}, proxy ${delays.proxy}`)
    expect(Math.max(...delays.b)).toBeLessThan(1_500)
    expect(Math.max(...delays.proxy)).toBeLessThan(1_500)
  })

  test('rename a post: the old URL answers 301 on both instances at the next request', async () => {
    const [a, b] = instances()
    const { headers, id, slug } = await createPublishedPost(a.url, `Da rinominare ${TAG}`)
    // Both instances have served the post, so both hold a redirect table by now.
    for (const base of [a.url, b.url]) expect((await get(`${base}/blog/${slug}`)).status).toBe(200)
    const newSlug = `rinominato-${TAG}`
    const renamed = await fetch(`${a.url}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ slug: newSlug, _status: 'published' }),
    })
    expect(renamed.status).toBe(200)
    // B first: the instance that did not save the change.
    for (const base of [b.url, a.url]) {
      const old = await get(`${base}/blog/${slug}`)
      expect({ base, status: old.status, location: old.headers.get('location') }).toEqual({
        base,
        status: 301,
        location: `/blog/${newSlug}`,
      })
    }
    const through = await timeUntil(
      `${proxy()}/blog/${slug}`,
      (answer) => answer.status === 301,
      performance.now(),
    )
    expect(through).toBeLessThan(1_500)
  })

  test('the login limit holds across both instances', async () => {
    const [a, b] = instances()
    // Direct to the instances, as nginx would pass it: the last X-Forwarded-For entry is the client.
    const login = (base: string, body: { email: string; password: string }, client: string) =>
      fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
        body: JSON.stringify(body),
      }).then(async (response) => {
        await response.arrayBuffer()
        return response.status
      })

    // Per address: 30 attempts every 15 minutes, wherever they land.
    const client = '203.0.113.60'
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const base = i % 2 === 0 ? a.url : b.url
      const wrong = { email: `nessuno${i}-${TAG}@example.com`, password: 'sbagliata-1234' }
      statuses.push(await login(base, wrong, client))
    }
    expect(statuses).toEqual(Array(30).fill(401))
    expect([await login(a.url, E2E_ADMIN, client), await login(b.url, E2E_ADMIN, client)]).toEqual([
      429, 429,
    ])

    // Per account and address: three failures, then a wait, whichever instance counted them.
    const attacker = '203.0.113.61'
    const account = { email: `ospite-${TAG}@example.com`, password: 'sbagliata-1234' }
    const attempts = [a.url, b.url, a.url, b.url]
    const results: number[] = []
    for (const base of attempts) results.push(await login(base, account, attacker))
    expect(results).toEqual([401, 401, 401, 429])
  })

  test('an image uploaded through instance A is served by instance B and through the proxy', async () => {
    const [a, b] = instances()
    const bytes = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 140, b: 110 } },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
      `piede-${TAG}.png`,
    )
    form.append('_payload', JSON.stringify({ alt: 'Radiografia di prova del piede' }))
    const { Authorization } = await adminHeaders(a.url)
    const uploaded = await fetch(`${a.url}/api/media`, {
      method: 'POST',
      headers: { Authorization: Authorization! },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const { doc } = (await uploaded.json()) as {
      doc: { id: string; url: string; sizes: { thumbnail: { url: string } } }
    }
    try {
      const original = new URL(doc.url, proxy()).pathname
      const thumbnail = new URL(doc.sizes.thumbnail.url, proxy()).pathname
      for (const base of [b.url, proxy()]) {
        const file = await fetch(`${base}${original}`)
        expect({ base, status: file.status, type: file.headers.get('content-type') }).toEqual({
          base,
          status: 200,
          type: 'image/png',
        })
        expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true)
        const small = await fetch(`${base}${thumbnail}`)
        await small.arrayBuffer()
        expect({ base, thumbnail: small.status }).toEqual({ base, thumbnail: 200 })
      }
    } finally {
      await fetch(`${a.url}/api/media/${doc.id}`, {
        method: 'DELETE',
        headers: { Authorization: Authorization! },
      })
    }
  })

  test('drafts and logged-in pages are never cached or served by the proxy', async () => {
    const [a] = instances()
    const published = `Pubblicato ${TAG}`
    const { headers, id, slug } = await createPublishedPost(a.url, published)
    const secret = `Bozza riservata ${TAG}`
    const draft = await fetch(`${a.url}/api/posts/${id}?draft=true`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title: secret }),
    })
    expect(draft.status).toBe(200)
    // An editor's browser: Payload's session cookie (the same token is valid on every instance),
    // sent on a same-origin navigation (Payload ignores the cookie on other requests).
    const browser = {
      Cookie: `payload-token=${headers.Authorization!.replace(/^JWT /, '')}`,
      'Sec-Fetch-Site': 'same-origin',
    }

    for (let i = 0; i < 3; i++) {
      const preview = await get(`${proxy()}/anteprima/articoli/${id}`, browser)
      expect(preview.status).toBe(200)
      expect(titleShown(preview.text, secret)).toBe(true)
      expect(preview.cache).toBeNull()
      expect(preview.headers.get('cache-control')).toMatch(/no-store/)
    }
    const anonymousPreview = await get(`${proxy()}/anteprima/articoli/${id}`)
    expect(anonymousPreview.status).toBe(404)
    expect(anonymousPreview.text).not.toContain(secret)

    const loggedIn = await get(`${proxy()}/blog/${slug}`, browser)
    expect(loggedIn.status).toBe(200)
    expect(loggedIn.cache).toBe('BYPASS')
    const admin = await get(`${proxy()}/admin`, browser)
    expect(admin.cache).toBeNull()

    // Readers get the published version only, from the cache or not.
    const started = performance.now()
    while (performance.now() - started < 1_500) {
      const answer = await get(`${proxy()}/blog/${slug}`)
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(secret)
      expect(titleShown(answer.text, published)).toBe(true)
      await sleep(50)
    }
  })

  // Last: instance A does not come back.
  test('killing one instance under a bounded loopback load loses no request through the proxy', async () => {
    const [a, b] = instances()
    const paths = [
      '/blog/intervento-mini-invasivo-alluce-valgo',
      '/',
      '/blog',
      '/api/posts?limit=1&depth=0',
      '/api/health',
    ]
    const WORKERS = 8
    const DURATION_MS = 8_000
    const MAX_REQUESTS = 4_000
    const KILL_AT_MS = 2_500
    const statuses = new Map<number, number>()
    const failures: string[] = []
    let sent = 0
    // node:http rather than fetch: the e2e setup retries a fetch whose socket was reset, which
    // would hide exactly the failure looked for here.
    const agent = new Agent({ keepAlive: true, maxSockets: WORKERS })
    const started = performance.now()
    const worker = async (index: number) => {
      for (let i = index; ; i += WORKERS) {
        if (performance.now() - started > DURATION_MS || sent >= MAX_REQUESTS) return
        sent++
        const path = paths[i % paths.length]!
        try {
          const status = await httpGet(`${proxy()}${path}`, agent)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status !== 200) failures.push(`${path}: ${status}`)
        } catch (error) {
          failures.push(`${path}: ${String(error)}`)
        }
      }
    }
    const load = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)))
    await sleep(KILL_AT_MS)
    await a.crash()
    const killedAt = performance.now() - started
    await load
    agent.destroy()
    console.log(
      `kill under load: ${sent} requests in ${Math.round(performance.now() - started)} ms, ` +
        `instance a SIGKILLed at ${Math.round(killedAt)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    )
    expect(failures).toEqual([])
    expect(sent).toBeGreaterThan(100)
    // B alone carries the site now.
    expect((await get(`${b.url}/api/health`)).status).toBe(200)
  })
})
