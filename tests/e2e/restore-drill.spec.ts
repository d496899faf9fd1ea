import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { startRedisServer, type TestRedis } from '../support/redis-server'

import { adminHeaders } from './helpers/rest'
import { sitemapFiles } from './helpers/sitemap'
import {
  ownEnv,
  runScript,
  startOwnServer,
  type OwnEnv,
  type OwnServer,
} from './resilience/own-server'

import { postPath } from '@/lib/paths'
import { articleBlocksToLexical } from '@/lib/text-import'

/**
 * The restore drill of the README, on a private production server: backup; change a title,
 * delete an article, add one; a restore while the site runs is refused; stop, restore, start;
 * the site then serves exactly the backup's content (pages, sitemap, feed), whether the page
 * cache is in memory or in Redis (which survives the restart).
 */

type Post = { id: string; slug: string; title: string }
type Run = { code: number | null; output: string }

/** `npm run --silent <script> -- args`, with its exit code and output. */
const run = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<Run>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, output }))
  })

/** How React writes a text into HTML. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')

const get = async (url: string) => {
  const response = await fetch(url, { redirect: 'manual' })
  return {
    status: response.status,
    body: await response.text(),
    cache: response.headers.get('x-nextjs-cache'),
  }
}

/** The sitemap as crawlers read it: the index and every child sitemap it lists. */
const wholeSitemap = async (baseUrl: string) => {
  const { index, children } = await sitemapFiles(baseUrl)
  return [index, ...children.values()].join('\n')
}

let own: OwnEnv | undefined
let server: OwnServer | undefined
let redis: TestRedis | undefined

test.afterEach(async () => {
  test.setTimeout(60_000)
  await server?.stop().catch(() => server?.crash())
  server = undefined
  if (own) await rm(own.dir, { recursive: true, force: true })
  own = undefined
})

test.afterAll(async () => {
  await redis?.dispose()
})

async function publishedPosts(baseUrl: string): Promise<Post[]> {
  const response = await fetch(
    `${baseUrl}/api/posts?limit=100&depth=0&where[_status][equals]=published&sort=slug`,
  )
  const body = (await response.json()) as { docs?: Post[] }
  if (!body.docs) throw new Error(`GET /api/posts: ${response.status} ${JSON.stringify(body)}`)
  return body.docs.map(({ id, slug, title }) => ({ id, slug, title }))
}

async function drill(label: string, extraEnv: { REDIS_URL?: string }) {
  own = await ownEnv('clinica-drill-')
  Object.assign(own.env, extraEnv)
  await runScript('migrate', own.env)
  await runScript('seed', own.env)
  server = await startOwnServer(own)
  const { baseUrl, env } = own
  const before = await publishedPosts(baseUrl)
  expect(before.length).toBeGreaterThanOrEqual(3)
  const [renamed, deleted] = before as [Post, Post, ...Post[]]
  expect(before.length).toBeLessThan(100)
  const sitemapBefore = await wholeSitemap(baseUrl)
  const feedBefore = (await get(`${baseUrl}/feed.xml`)).body

  const started = Date.now()
  const backup = await run('backup', [], env)
  expect(backup.code).toBe(0)
  const archive = /Backup written: (\S+\.tar\.gz)/.exec(backup.output)?.[1] as string
  const backupMs = Date.now() - started

  // The changes made after the backup, through the REST API as an admin.
  const headers = await adminHeaders(baseUrl)
  const patched = await fetch(`${baseUrl}/api/posts/${renamed.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ title: `${renamed.title} (modificato)` }),
  })
  expect(patched.status).toBe(200)
  expect(
    (await fetch(`${baseUrl}/api/posts/${deleted.id}`, { method: 'DELETE', headers })).status,
  ).toBe(200)
  const created = await fetch(`${baseUrl}/api/posts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Articolo aggiunto dopo il backup',
      excerpt: 'Non deve sopravvivere al ripristino.',
      _status: 'published',
      content: articleBlocksToLexical([{ type: 'paragraph', text: 'Aggiunto.' }]),
    }),
  })
  expect(created.status).toBe(201)
  const added = ((await created.json()) as { doc: Post }).doc

  // The site shows the changes, and caches them (in Redis, when configured: it survives restarts).
  for (let i = 0; i < 2; i++) {
    const page = await get(`${baseUrl}${postPath(renamed.slug)}`)
    expect(page.body).toContain(html(`${renamed.title} (modificato)`))
  }
  expect((await get(`${baseUrl}${postPath(deleted.slug)}`)).status).toBe(404)
  expect((await get(`${baseUrl}${postPath(added.slug)}`)).status).toBe(200)
  if (extraEnv.REDIS_URL) {
    expect((await get(`${baseUrl}${postPath(renamed.slug)}`)).cache).toBe('HIT')
  }

  // A restore under the running server is refused, naming the server's process.
  const refused = await run('restore', [archive, '--yes'], env)
  expect(refused.code).toBe(1)
  const pid = Number(/pid (\d+)/.exec(refused.output)?.[1])
  expect(refused.output).toContain('the site is running on this database')
  expect(refused.output).toContain(`\`kill ${pid}\``)
  // That pid is the server started above (or a process of its group).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  expect(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])).toBe(server.pid)
  expect((await get(`${baseUrl}${postPath(added.slug)}`)).status).toBe(200)

  await server.stop()
  server = undefined
  const restored = await run('restore', [archive, '--yes'], env)
  expect(restored.code).toBe(0)
  if (extraEnv.REDIS_URL) expect(restored.output).toContain('pages cached in Redis expired')

  // A crash leftover, made by hand: a post whose version rows are missing.
  const client = createClient({ url: env.DATABASE_URI as string })
  await client.execute({ sql: 'DELETE FROM _posts_v WHERE parent_id = ?', args: [deleted.id] })
  client.close()

  server = await startOwnServer(own)
  const downMs = Date.now() - started

  // Every restored URL answers 200 with its restored content; the added article is gone.
  for (const post of before) {
    const page = await get(`${baseUrl}${postPath(post.slug)}`)
    expect({ slug: post.slug, status: page.status }).toEqual({ slug: post.slug, status: 200 })
    expect(page.body).toContain(html(post.title))
  }
  expect((await get(`${baseUrl}${postPath(renamed.slug)}`)).body).not.toContain('(modificato)')
  expect((await get(`${baseUrl}${postPath(added.slug)}`)).status).toBe(404)
  expect(await publishedPosts(baseUrl)).toEqual(before)
  const sitemap = await wholeSitemap(baseUrl)
  const feed = (await get(`${baseUrl}/feed.xml`)).body
  expect(sitemap).toBe(sitemapBefore)
  expect(sitemap).not.toContain(added.slug)
  expect(feed.replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, '')).toBe(
    feedBefore.replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, ''),
  )

  // The missing version was rebuilt at start, with one log line.
  const repairLines = server
    .logs()
    .split('\n')
    .filter((line) => line.includes('Repaired posts'))
  expect(repairLines).toHaveLength(1)
  expect(repairLines[0]).toContain(`Repaired posts ${deleted.id}: its missing version was rebuilt`)
  const check = createClient({ url: env.DATABASE_URI as string })
  const rows = await check.execute({
    sql: 'SELECT count(*) FROM _posts_v WHERE parent_id = ?',
    args: [deleted.id],
  })
  check.close()
  expect(Number(rows.rows[0]?.[0])).toBe(1)

  console.info(
    `Restore drill (${label}): backup ${backupMs} ms; backup → changes → refused restore → ` +
      `stop → restore → start → site answering: ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${(downMs / 1000).toFixed(1)} s until the restored site answered).`,
  )
}

test.describe('restore drill', () => {
  test('serves exactly the backup after stop, restore, start (page cache in memory)', async () => {
    test.setTimeout(300_000)
    await drill('memory cache', {})
  })

  test('does the same with the page cache in Redis, which outlives the restart', async () => {
    test.setTimeout(300_000)
    redis = await startRedisServer()
    await drill('Redis cache', { REDIS_URL: redis.url })
  })
})
