import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { freePort } from './helpers/app'
import { exitWithin, runNpm, spawnNpm } from './helpers/next-start'
import { createPublishedPost } from './helpers/posts'
import {
  ownEnv,
  runScript,
  startOwnServer,
  type OwnEnv,
  type OwnServer,
} from './resilience/own-server'

/**
 * What a deploy does: the image is built once (here: the shared e2e build in `.next-e2e`, made
 * by the global setup against its own database), then started on a database that has changed
 * since. Listings prerendered by the build must not be served in place of the live content.
 */

const RUN_TAG = randomBytes(4).toString('hex')
const LATE_TITLE = `Fascite plantare dopo il deploy ${RUN_TAG}`

let own: OwnEnv
let server: OwnServer | undefined

// The second test reads what the first one's requests left in the server's cache.
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  own = await ownEnv('clinica-deploy-')
  await runScript('migrate', own.env)
  await runScript('seed', own.env)
  // Added after the build, as an editor's import run on the server would: through the Local API
  // in its own process, so no running Next server is told to revalidate anything.
  const article = path.join(own.dir, 'fascite.md')
  await writeFile(
    article,
    `# ${LATE_TITLE}\n\nLa fascite plantare è un'infiammazione della fascia sotto il piede.\n`,
  )
  await runNpm(['import', '--', article, '--publish'], own.env)
  server = await startOwnServer(own)
})

test.afterAll(async () => {
  test.setTimeout(60_000)
  await server?.stop().catch(() => server?.crash())
  await rm(own.dir, { recursive: true, force: true })
})

const get = (pathname: string) => fetch(`${own.baseUrl}${pathname}`)

test.describe('a fresh server on a database that changed after the build', () => {
  test('shows the new article on / and /blog at the very first request', async () => {
    for (const pathname of ['/', '/blog']) {
      const response = await get(pathname)
      const page = await response.text()
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 })
      expect({ pathname, listsIt: page.includes(LATE_TITLE) }).toEqual({ pathname, listsIt: true })
      // Rendered by this server: its own SITE_URL, not the one the build ran with.
      expect(page).toContain(`<link rel="canonical" href="${own.baseUrl}`)
    }
  })

  test('then serves the listings from its cache with the ISR lifetime, refreshed on publish', async () => {
    const cached = await get('/')
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(cached.headers.get('cache-control')).toMatch(/\bs-maxage=600\b/)
    expect(await cached.text()).toContain(LATE_TITLE)

    const { slug } = await createPublishedPost(own.baseUrl, `Metatarsalgia ${RUN_TAG}`)
    for (const pathname of ['/', '/blog']) {
      expect(await (await get(pathname)).text()).toContain(`/blog/${slug}`)
    }
  })
})

test.describe('production start', () => {
  test('refuses to start without PAYLOAD_SECRET and names the variable', async () => {
    test.setTimeout(90_000)
    // Empty rather than absent: Next would fill an absent variable from a developer's `.env`.
    const env = { ...own.env, PAYLOAD_SECRET: '' }
    const port = await freePort()
    const serve = spawnNpm(['serve', '--', '--port', String(port), '--hostname', '127.0.0.1'], env)
    try {
      const code = await exitWithin(serve, 60_000)
      expect({ code, mentionsVariable: serve.logs().includes('PAYLOAD_SECRET') }).toEqual({
        code: expect.any(Number),
        mentionsVariable: true,
      })
      expect(code).not.toBe(0)
    } finally {
      await serve.stop()
    }
  })
})
