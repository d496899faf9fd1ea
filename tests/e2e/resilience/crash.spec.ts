import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'

import { expect, test } from '@playwright/test'
import { createClient } from '@libsql/client'

import { adminHeaders } from '../helpers/rest'

import { ownEnv, runScript, startOwnServer, type OwnEnv, type OwnServer } from './own-server'

import { articleBlocksToLexical } from '@/lib/text-import'

/**
 * Crash safety: the server is SIGKILLed (power cut, OOM killer) while posts are being created.
 * After a restart on the same SQLite file, the database must be intact and every write the
 * server acknowledged with a 2xx must still be there: an acknowledgement is a durability promise.
 */

const ROUNDS = 4
const WRITERS = 3
const RUN_TAG = randomBytes(4).toString('hex')
const TITLE_PREFIX = `Crash ${RUN_TAG}`

type Acked = { title: string; id: string | null; round: number }
type HttpFailure = { title: string; status: number; body: string }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const postBody = (title: string) =>
  JSON.stringify({
    title,
    excerpt: `Scrittura interrotta: ${title}.`,
    _status: 'published',
    content: articleBlocksToLexical([{ type: 'paragraph', text: title }]),
  })

let own: OwnEnv
let server: OwnServer | undefined

test.beforeAll(async () => {
  test.setTimeout(240_000)
  own = await ownEnv('clinica-crash-')
  await runScript('migrate', own.env)
  await runScript('seed', own.env)
  server = await startOwnServer(own)
})

test.afterAll(async () => {
  await server?.stop().catch(() => server?.crash())
  if (own) await rm(own.dir, { recursive: true, force: true })
})

test.describe('crash safety of the SQLite database', () => {
  test('keeps every acknowledged write and an intact database across repeated SIGKILLs', async () => {
    test.setTimeout(420_000)
    const acked: Acked[] = []
    const httpFailures: HttpFailure[] = []
    // Connection errors (reset, refused) leave the outcome unknown to the client: the write may
    // or may not have committed before the kill, so these titles may be present or absent.
    const unknown: string[] = []
    let attempted = 0

    for (let round = 1; round <= ROUNDS; round++) {
      const headers = await adminHeaders(own.baseUrl)
      let killed = false
      let counter = 0

      const writer = async (worker: number) => {
        while (!killed) {
          const title = `${TITLE_PREFIX} r${round} w${worker} n${counter++}`
          attempted++
          let response: Response
          try {
            response = await fetch(`${own.baseUrl}/api/posts`, {
              method: 'POST',
              headers,
              body: postBody(title),
            })
          } catch {
            unknown.push(title)
            continue
          }
          if (response.status >= 200 && response.status < 300) {
            // The status line is the acknowledgement; the body may be cut by the kill, in which
            // case the write is checked by its (unique) title alone.
            const id = await response
              .json()
              .then((json) => (json as { doc?: { id?: string } }).doc?.id ?? null)
              .catch(() => null)
            acked.push({ title, id, round })
          } else {
            httpFailures.push({
              title,
              status: response.status,
              body: (await response.text().catch(() => '')).slice(0, 300),
            })
          }
        }
      }

      const writers = Array.from({ length: WRITERS }, (_, worker) => writer(worker))
      const killAfter = 300 + Math.floor(Math.random() * 1200)
      await sleep(killAfter)
      killed = true
      await server!.crash()
      const lastLogs = server!.logs()
      server = undefined
      await Promise.all(writers)

      server = await startOwnServer(own)

      const client = createClient({ url: own.env.DATABASE_URI! })
      try {
        const integrity = await client.execute('PRAGMA integrity_check')
        expect(integrity.rows.map((row) => row[0])).toEqual(['ok'])
        const foreignKeys = await client.execute('PRAGMA foreign_key_check')
        expect(foreignKeys.rows).toHaveLength(0)

        const posts = await client.execute({
          sql: 'SELECT id, title FROM posts WHERE title LIKE ?',
          args: [`${TITLE_PREFIX} %`],
        })
        const byTitle = new Map(posts.rows.map((row) => [String(row.title), String(row.id)]))
        // Payload writes the post and its version in one transaction: a post without its latest
        // published version would mean a half-applied create survived the crash.
        const versions = await client.execute({
          sql: `SELECT parent_id, version_title FROM _posts_v
                  WHERE latest = 1 AND version__status = 'published' AND version_title LIKE ?`,
          args: [`${TITLE_PREFIX} %`],
        })
        const versioned = new Set(
          versions.rows.map((row) => `${String(row.parent_id)}|${String(row.version_title)}`),
        )

        // Every acknowledged write, from this round and all earlier ones, is present and whole.
        const missing = acked.filter(
          ({ title, id }) => !byTitle.has(title) || (id !== null && byTitle.get(title) !== id),
        )
        expect({ round, missing, logs: missing.length ? lastLogs.slice(-3000) : '' }).toEqual({
          round,
          missing: [],
          logs: '',
        })
        // Acknowledged writes are whole: the post and its latest published version.
        const ackedTitles = new Set(acked.map(({ title }) => title))
        const halfWritten = [...byTitle].filter(([title, id]) => !versioned.has(`${id}|${title}`))
        expect(halfWritten.filter(([title]) => ackedTitles.has(title))).toEqual([])
        // An unacknowledged create cut by the kill can leave its post row without a version row:
        // Payload runs SQLite without transactions (see the note in lib/database.ts). Reported,
        // not hidden.
        const cut = halfWritten.filter(([title]) => !ackedTitles.has(title))
        if (cut.length > 0)
          console.log(`crash round ${round}: unacknowledged half-written creates`, cut)

        // The restarted server serves them too (REST as admin reads through Payload, not SQL).
        // Page by page: the API serves at most 100 documents a request.
        const docs: { id: string; title: string }[] = []
        for (let page = 1; ; page++) {
          const rest = await fetch(
            `${own.baseUrl}/api/posts?depth=0&limit=100&page=${page}&select[title]=true&where[title][like]=${encodeURIComponent(TITLE_PREFIX)}`,
            { headers: await adminHeaders(own.baseUrl) },
          )
          expect(rest.status).toBe(200)
          const body = (await rest.json()) as {
            docs: { id: string; title: string }[]
            hasNextPage: boolean
          }
          docs.push(...body.docs)
          if (!body.hasNextPage) break
        }
        const served = new Set(docs.map((doc) => `${doc.id}|${doc.title}`))
        for (const { title } of acked) expect(served).toContain(`${byTitle.get(title)}|${title}`)

        const presentUnknown = unknown.filter((title) => byTitle.has(title)).length
        console.log(
          `crash round ${round}: killed after ${killAfter} ms; acknowledged so far ${acked.length}` +
            ` (this round ${acked.filter((a) => a.round === round).length}),` +
            ` connection errors so far ${unknown.length} (${presentUnknown} committed anyway),` +
            ` HTTP errors ${httpFailures.length}, attempted ${attempted}, rows ${byTitle.size}`,
        )
      } finally {
        client.close()
      }
    }

    // A live server must never answer a write with an error (e.g. SQLITE_BUSY under 3 writers).
    expect(httpFailures).toEqual([])
    // Without acknowledged writes the test would prove nothing.
    expect(acked.length).toBeGreaterThan(ROUNDS)
  })
})
