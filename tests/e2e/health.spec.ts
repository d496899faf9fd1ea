import { randomBytes } from 'node:crypto'
import { mkdir, open, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { appEnvironment } from './helpers/app'
import { firstAnswer, spawnNpm, type Spawned } from './helpers/next-start'
import {
  ownEnv,
  runScript,
  startOwnServer,
  type OwnEnv,
  type OwnServer,
} from './resilience/own-server'

/**
 * GET /api/health on real production servers (the shared e2e build) whose SQLite database
 * works, then breaks under them, or cannot be opened at all.
 */

let own: OwnEnv
let server: OwnServer | undefined
let broken: Spawned | undefined
const dirs: string[] = []

// The tests share one server, whose database the second one corrupts, and the third stops it.
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  own = await ownEnv('clinica-health-')
  dirs.push(own.dir)
  await runScript('migrate', own.env)
  await runScript('seed', own.env)
  server = await startOwnServer(own)
})

test.afterAll(async () => {
  test.setTimeout(60_000)
  await server?.stop().catch(() => server?.crash())
  await broken?.stop()
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function health(baseUrl: string, response?: Response) {
  const answer = response ?? (await fetch(`${baseUrl}/api/health`))
  const text = await answer.text()
  return {
    status: answer.status,
    cacheControl: answer.headers.get('cache-control'),
    contentType: answer.headers.get('content-type'),
    text,
    body: JSON.parse(text) as unknown,
  }
}

/** Nothing an operator's probe output must show: paths, URIs, SQL, stack frames. */
function expectNoLeak(text: string, env: NodeJS.ProcessEnv) {
  const file = env.DATABASE_URI!.replace(/^file:/, '')
  expect(text).not.toContain(file)
  expect(text).not.toContain(path.basename(file))
  expect(text).not.toMatch(/file:|select |\n\s+at |Failed query/i)
}

/** Overwrites a file in place (same inode, as a failing disk would) with random bytes. */
async function scramble(file: string) {
  const size = await stat(file).then(
    (info) => info.size,
    () => 0,
  )
  if (size === 0) return
  const handle = await open(file, 'r+')
  try {
    await handle.write(randomBytes(size), 0, size, 0)
  } finally {
    await handle.close()
  }
}

test.describe('GET /api/health', () => {
  test('answers 200 {"status":"ok"} while the database works, and Payload’s /api still answers', async () => {
    const ok = await health(own.baseUrl)
    expect(ok).toMatchObject({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } })
    expect(ok.contentType).toMatch(/^application\/json/)

    // The route sits beside Payload's catch-all: REST and GraphQL are untouched.
    const rest = await fetch(`${own.baseUrl}/api/categories?depth=0&limit=1`)
    expect(rest.status).toBe(200)
    expect((await rest.json()) as unknown).toMatchObject({ docs: [expect.any(Object)] })
    const graphql = await fetch(`${own.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Categories(limit: 1) { totalDocs } }' }),
    })
    expect(graphql.status).toBe(200)
    expect(await graphql.json()).toMatchObject({
      data: { Categories: { totalDocs: expect.any(Number) } },
    })
  })

  test('answers 503 with the reason once the database file is corrupted under it', async () => {
    const file = own.env.DATABASE_URI!.replace(/^file:/, '')
    for (const suffix of ['', '-wal', '-shm']) await scramble(`${file}${suffix}`)

    const failing = await health(own.baseUrl)
    expect(failing).toMatchObject({ status: 503, cacheControl: 'no-store' })
    expect(failing.contentType).toMatch(/^application\/json/)
    expect(failing.body).toEqual({
      status: 'error',
      reason: expect.stringMatching(/^database query failed \(SQLITE_(NOTADB|CORRUPT)\)$/),
    })
    expectNoLeak(failing.text, own.env)
  })

  test('answers 503 when the server starts on a database it cannot open', async () => {
    await server?.stop()
    server = undefined
    // A directory where the database file should be: SQLite cannot open it.
    const env = await appEnvironment('clinica-health-broken-', 'unopenable.db')
    dirs.push(env.dir)
    await mkdir(env.env.DATABASE_URI!.replace(/^file:/, ''), { recursive: true })

    broken = spawnNpm(
      ['serve', '--', '--port', String(env.port), '--hostname', '127.0.0.1'],
      env.env,
    )
    let failing = await health(env.baseUrl, await firstAnswer(`${env.baseUrl}/api/health`, broken))
    // On a slow machine Payload's first start-up attempt may outlast the 3 s bound: that probe
    // fails too (503, "did not answer"); the next ones report why the database is unavailable.
    for (let attempt = 0; attempt < 5 && /did not answer/.test(failing.text); attempt++) {
      expect(failing.status).toBe(503)
      failing = await health(env.baseUrl)
    }
    expect(failing).toMatchObject({ status: 503, cacheControl: 'no-store' })
    expect(failing.body).toEqual({
      status: 'error',
      reason: expect.stringMatching(
        /^database unavailable: Payload could not connect( \([A-Z_]+\))?$/,
      ),
    })
    expectNoLeak(failing.text, env.env)
  })
})
