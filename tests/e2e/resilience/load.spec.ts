import { randomBytes } from 'node:crypto'

import { expect, test } from '@playwright/test'

import { e2eBaseUrl } from '../helpers/app'
import { createPublishedPost } from '../helpers/posts'

/**
 * Readers and an editor at once on the shared server: SQLite has one writer, so publishing while
 * the article is hammered is where lock errors (SQLITE_BUSY → 500) or stale caches would show.
 * Only correctness is asserted; throughput is logged for information, the machine is too noisy
 * for timing assertions.
 */

const baseUrl = e2eBaseUrl()
const READERS = 20
const DURATION_MS = 15_000
const PUBLISH_EVERY_MS = 2_000
// Own post and own title prefix: the other e2e files never see these edits.
const TITLE_PREFIX = `Carico ${randomBytes(4).toString('hex')} revisione`
const titleOf = (revision: number) => `${TITLE_PREFIX} ${revision}`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The revision number shown in the page's `<h1>`, or null when the heading is not ours. */
const servedRevision = (html: string): number | null => {
  const match = html.match(/<h1>([^<]*)<\/h1>/)
  if (!match?.[1]?.startsWith(`${TITLE_PREFIX} `)) return null
  return Number(match[1].slice(TITLE_PREFIX.length + 1))
}

test.describe('article under concurrent reads and publishing', () => {
  test('serves every request without errors and shows each publish on the next request', async () => {
    test.setTimeout(90_000)
    const { headers, id, slug } = await createPublishedPost(baseUrl, titleOf(0))
    const url = `${baseUrl}/blog/${slug}`

    const statuses = new Map<number, number>()
    const connectionErrors: string[] = []
    const foreignPages: number[] = []
    // A read that started after publish N was acknowledged but still shows an older revision.
    const staleReads: { expected: number; served: number }[] = []
    const editorFailures: string[] = []
    let ackedRevision = 0
    let total = 0
    let stop = false

    const reader = async () => {
      while (!stop) {
        const minimum = ackedRevision
        try {
          const response = await fetch(url)
          const html = await response.text()
          total++
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (response.status !== 200) continue
          const revision = servedRevision(html)
          if (revision === null) foreignPages.push(response.status)
          else if (revision < minimum) staleReads.push({ expected: minimum, served: revision })
        } catch (error) {
          total++
          connectionErrors.push(String((error as Error).cause ?? error))
        }
      }
    }

    const editor = async () => {
      let revision = 0
      while (!stop) {
        await sleep(PUBLISH_EVERY_MS)
        if (stop) break
        revision++
        const title = titleOf(revision)
        const saved = await fetch(`${baseUrl}/api/posts/${id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ title, _status: 'published' }),
        })
        if (saved.status !== 200) {
          editorFailures.push(`publish ${revision}: ${saved.status} ${await saved.text()}`)
          continue
        }
        await saved.arrayBuffer()
        ackedRevision = revision
        // The very next request after the acknowledgement must show the new title.
        const page = await fetch(url)
        const html = await page.text()
        if (page.status !== 200 || !html.includes(`<h1>${title}</h1>`))
          editorFailures.push(
            `publish ${revision}: next GET ${page.status} showed revision ${servedRevision(html)}`,
          )
      }
      return revision
    }

    const started = Date.now()
    const readers = Array.from({ length: READERS }, () => reader())
    const editing = editor()
    await sleep(DURATION_MS)
    stop = true
    const [publishes] = await Promise.all([editing, ...readers])
    const seconds = (Date.now() - started) / 1000

    console.log(
      `load: ${total} reader requests in ${seconds.toFixed(1)} s ` +
        `(${(total / seconds).toFixed(1)} req/s, ${READERS} readers); statuses ` +
        `${JSON.stringify(Object.fromEntries(statuses))}; connection errors ` +
        `${connectionErrors.length}; ${publishes} publishes, ${editorFailures.length} failed; ` +
        `stale reads after an acknowledged publish ${staleReads.length}`,
    )

    expect(editorFailures).toEqual([])
    expect(publishes).toBeGreaterThanOrEqual(3)
    expect(connectionErrors).toEqual([])
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([])
    // Readers only ever asked for a published article: anything but 200 (a 404 mid-publish)
    // would mean readers briefly lost the page.
    expect([...statuses.keys()]).toEqual([200])
    expect(foreignPages).toEqual([])
    expect(staleReads).toEqual([])
  })
})
