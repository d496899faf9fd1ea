import { spawnSync } from 'node:child_process'

import { expect, test } from '@playwright/test'

import { articleBlocksToLexical } from '@/lib/text-import'

import { E2E_ADMIN, E2E_SECRET, e2eBaseUrl } from './helpers/app'
import { adminHeaders } from './helpers/rest'

const baseUrl = e2eBaseUrl()

/** Queues the job in the server's database the way the admin's schedule drawer does. */
function schedule(type: 'publish' | 'unpublish', postId: string, at: Date) {
  const result = spawnSync(
    'npx',
    [
      'tsx',
      '--conditions=production',
      'tests/e2e/helpers/queue-schedule.ts',
      type,
      postId,
      E2E_ADMIN.email,
      at.toISOString(),
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'production',
        DATABASE_URI: process.env.E2E_DATABASE_URI,
        MEDIA_DIR: process.env.E2E_MEDIA_DIR,
        PAYLOAD_SECRET: E2E_SECRET,
        SITE_URL: baseUrl,
      },
    },
  )
  if (result.status !== 0) throw new Error(`queueing failed:\n${result.stderr}${result.stdout}`)
}

async function waitForStatus(path: string, status: number, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs
  let last = 0
  while (Date.now() < deadline) {
    last = (await fetch(`${baseUrl}${path}`, { cache: 'no-store' })).status
    if (last === status) return Date.now()
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${path} still answers ${last}, expected ${status}`)
}

test.describe('scheduled publishing with the in-process job runner', () => {
  test('publishes a draft at its time with no request from anyone, and unpublishes it later', async () => {
    test.setTimeout(120_000)
    const headers = await adminHeaders(baseUrl)
    const title = `Articolo programmato ${Date.now()}`
    const created = await fetch(`${baseUrl}/api/posts?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title,
        excerpt: 'Un articolo che si pubblica da solo.',
        _status: 'draft',
        content: articleBlocksToLexical([{ type: 'paragraph', text: 'Testo programmato.' }]),
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
    const path = `/blog/${doc.slug}`
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(404)

    const at = new Date(Date.now() + 4_000)
    schedule('publish', doc.id, at)
    // Still a draft until its time (the runner checks every 2 s in the e2e server).
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(404)

    const liveAt = await waitForStatus(path, 200)
    expect(liveAt).toBeGreaterThanOrEqual(at.getTime())
    // "Within a minute" in production (20 s interval); here within a few runner ticks.
    expect(liveAt - at.getTime()).toBeLessThan(30_000)
    expect(await (await fetch(`${baseUrl}${path}`)).text()).toContain(title)
    expect(await (await fetch(`${baseUrl}/feed.xml`)).text()).toContain(title)
    expect(await (await fetch(`${baseUrl}/blog`)).text()).toContain(title)

    schedule('unpublish', doc.id, new Date(Date.now() + 1_000))
    await waitForStatus(path, 404)
    expect(await (await fetch(`${baseUrl}/feed.xml`)).text()).not.toContain(title)
  })

  test('does not let anonymous callers run the queue', async () => {
    const response = await fetch(`${baseUrl}/api/payload-jobs/run`)
    expect(response.status).toBe(401)
  })
})
