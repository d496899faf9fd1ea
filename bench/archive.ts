import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { createClient } from '@libsql/client'

import { appEnvironment } from '../tests/e2e/helpers/app'
import { adminHeaders } from '../tests/e2e/helpers/rest'
import { concurrent, firstGet, sequential, serverRssMb, spread } from './archive-load'
import { printArchiveTable, resultsOf, type Measured } from './archive-report'
import { insertBulkPosts, removeBulkPosts } from './bulk-posts'
import {
  ensureResultsDir,
  median,
  NEXT_BIN,
  nextStart,
  now,
  round,
  ROOT,
  sleep,
  timeToFirst200,
  type BenchContext,
  type BenchResult,
} from './lib'

/*
 * Issue 16, a hospital-sized archive: N published copies of the seeded article (10,000 by
 * default; `--n 2000` or ARCHIVE_N to change) inserted straight into a throw-away SQLite
 * database, then search, listings, sitemap, memory and `next build` measured against references
 * taken in the same run. The copies are deleted afterwards, even on failure.
 */

const DEFAULT_N = 10_000
const SMALL = 10
/** Every 1,000th copy carries one of these in its title and excerpt: the "rare term" queries. */
const RARE_WORDS = ['Lisfranc', 'Haglund', 'Köhler', 'Freiberg', 'Chopart'] as const
export const TERMS = { common: 'alluce', rare: 'haglund', none: 'xilofonista' } as const
const SEARCHES_FOR_MEMORY = 1_000
// Its own build folder: `next build` runs twice here and must not replace another run's build.
const DIST_DIR = '.next-bench-archive'

function archiveSize(): number {
  const flag = process.argv.indexOf('--n')
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env.ARCHIVE_N
  const n = raw === undefined ? DEFAULT_N : Number(raw)
  if (!Number.isInteger(n) || n < 100)
    throw new Error(`--n / ARCHIVE_N: an integer ≥ 100, got ${raw}`)
  return n
}

function npmScript(script: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('npm', ['run', '--silent', script], { env, encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`)
}

/**
 * Wall-clock ms of `next build` (without the npm script's migrate step). Next adds this build
 * folder's type paths to tsconfig.json's `include`: they are taken out again.
 */
function timedBuild(env: NodeJS.ProcessEnv): number {
  try {
    return build(env)
  } finally {
    const tsconfig = path.join(ROOT, 'tsconfig.json')
    const text = readFileSync(tsconfig, 'utf8')
    const entry = new RegExp(
      `,\\s*"${DIST_DIR.replace('.', '\\.')}/(dev/)?types/\\*\\*/\\*\\.ts"`,
      'g',
    )
    if (entry.test(text)) writeFileSync(tsconfig, text.replace(entry, ''))
  }
}

function build(env: NodeJS.ProcessEnv): number {
  const started = now()
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`)
  return now() - started
}

/** Published posts, and those in the seeded article's first category (its slug). */
async function counts(databaseUri: string) {
  const client = createClient({ url: databaseUri })
  try {
    const published = await client.execute(
      `SELECT count(*) AS n FROM posts WHERE _status = 'published'`,
    )
    const category = await client.execute(
      `SELECT c.slug AS slug, count(*) AS n FROM posts p JOIN posts_rels r ON r.parent_id = p.id
       JOIN categories c ON c.id = r.categories_id WHERE p._status = 'published'
       GROUP BY c.slug ORDER BY n DESC LIMIT 1`,
    )
    return {
      published: Number(published.rows[0]?.n),
      category: { slug: String(category.rows[0]?.slug), posts: Number(category.rows[0]?.n) },
    }
  } finally {
    client.close()
  }
}

const pages = (posts: number) => Math.max(1, Math.ceil(posts / 12))

const SAVE_ROUNDS = 7

/**
 * An admin's REST saves, timed: an image's alt text (which looks up the articles and pages that
 * show the image, their bodies included) against a category no article uses (an indexed lookup
 * that finds nothing). Before bodies were indexed (`bodyUploads`), the image's save read every
 * published body: 1.7 s at 10,000 articles.
 */
async function timeSaves(baseUrl: string): Promise<Measured['saves']> {
  const headers = await adminHeaders(baseUrl)
  const call = async (method: string, p: string, body?: unknown) => {
    const started = now()
    const response = await fetch(`${baseUrl}/api${p}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await response.json()) as { doc?: { id: string }; docs?: { id: string }[] }
    if (!response.ok) throw new Error(`${method} ${p} answered ${response.status}`)
    return { ms: now() - started, json }
  }
  const media = (await call('GET', '/media?limit=1&depth=0')).json.docs?.[0]
  if (!media) throw new Error('the seed made no media')
  const category = (
    await call('POST', '/categories', { title: 'Categoria di prova del benchmark', medical: false })
  ).json.doc!
  const mediaMs: number[] = []
  const categoryMs: number[] = []
  try {
    for (let round = 1; round <= SAVE_ROUNDS; round++) {
      mediaMs.push((await call('PATCH', `/media/${media.id}`, { alt: `Figura ${round}` })).ms)
      categoryMs.push(
        (await call('PATCH', `/categories/${category.id}`, { description: `Prova ${round}` })).ms,
      )
    }
  } finally {
    await call('DELETE', `/categories/${category.id}`)
  }
  return {
    mediaMs: round(median(mediaMs), 1),
    categoryMs: round(median(categoryMs), 1),
    rounds: SAVE_ROUNDS,
  }
}

export async function run(ctx: BenchContext, n = archiveSize()): Promise<BenchResult[]> {
  const { dir, env: base } = await appEnvironment('clinica-bench-archive-', 'archive.db')
  const env: NodeJS.ProcessEnv = { ...base, NEXT_DIST_DIR: DIST_DIR }
  const databaseUri = env.DATABASE_URI!
  let server: Awaited<ReturnType<typeof nextStart>> | undefined
  try {
    npmScript('migrate', env)
    npmScript('seed', env)
    const seeded = (await counts(databaseUri)).published
    await insertBulkPosts(databaseUri, SMALL - seeded, { status: 'published', label: 's' })
    // Untimed: fills Turbopack's build cache, so neither timed build pays for a cold one.
    ctx.log(`  warm-up build (not timed)…`)
    timedBuild(env)
    const archive = () =>
      insertBulkPosts(databaseUri, n - SMALL, {
        status: 'published',
        label: 'n',
        rareWords: RARE_WORDS,
      })
    const started = now()
    await archive()
    const state = await counts(databaseUri)
    ctx.log(`  inserted ${n - SMALL} published copies by SQL in ${Math.round(now() - started)} ms`)
    // The large build runs first: if anything is still colder, the large build pays for it, so
    // the ratio errs against the target rather than for it.
    ctx.log(`  building at ${state.published} published articles…`)
    const buildLarge = timedBuild(env)
    await removeBulkPosts(databaseUri, 'n')
    ctx.log(`  building at ${(await counts(databaseUri)).published} published articles…`)
    const buildSmall = timedBuild(env)
    // Served with the last build: what `next build` prerendered is never served (lib/cache).
    await archive()

    server = await nextStart(ROOT, env)
    await timeToFirst200(`${server.baseUrl}/api/health`, server, server.since)
    const url = (p: string) => `${server!.baseUrl}${p}`
    const blogPage = Math.min(500, pages(state.published))
    const categoryPage = Math.min(50, pages(state.category.posts))
    const listings = {
      blog: '/blog',
      blogPage: `/blog/pagina/${blogPage}`,
      categoryPage: `/categorie/${state.category.slug}/pagina/${categoryPage}`,
      sitemapIndex: '/sitemap.xml',
      sitemapChild: '/sitemaps/sitemap/0.xml',
    }
    // Warm-up: the shared layout and React are loaded once before any first render is timed.
    await firstGet(url('/'))
    const first: Measured['first'] = {}
    for (const [key, p] of Object.entries(listings)) {
      const get = await firstGet(url(p))
      if (get.status !== 200) throw new Error(`${p} answered ${get.status}`)
      const again = await firstGet(url(p))
      first[key] = {
        ms: get.ms,
        bytes: get.body.length,
        cache: again.cache,
        cacheControl: again.cacheControl,
      }
      ctx.log(
        `  ${p}: first ${get.ms} ms (${get.body.length} B); then ${again.cache}, "${again.cacheControl}"`,
      )
    }
    const cached: Measured['cached'] = {}
    for (const [key, p] of Object.entries(listings)) {
      if (key === 'sitemapChild') continue
      cached[key] = await concurrent(url(p), { seconds: 5 })
    }
    await sleep(2_000)
    const idleMb = serverRssMb(server.child.pid!)
    const health = {
      one: await sequential(url('/api/health')),
      ten: await concurrent(url('/api/health')),
    }
    // The first query builds the search index from the database.
    const firstSearch = await firstGet(url(`/cerca?q=${TERMS.common}`))
    const one: Measured['search']['one'] = {}
    for (const [key, term] of Object.entries(TERMS))
      one[key] = await sequential(url(`/cerca?q=${encodeURIComponent(term)}`))
    const done = 1 + Object.values(one).reduce((sum, s) => sum + s.requests + 10, 0)
    const searchUrls = Object.values(TERMS).map((term) =>
      url(`/cerca?q=${encodeURIComponent(term)}`),
    )
    await spread(searchUrls, Math.max(0, SEARCHES_FOR_MEMORY - done))
    const searches = Math.max(done, SEARCHES_FOR_MEMORY)
    const afterSearchesMb = serverRssMb(server.child.pid!)
    const ten: Measured['search']['ten'] = {}
    for (const [key, term] of Object.entries(TERMS))
      ten[key] = await concurrent(url(`/cerca?q=${encodeURIComponent(term)}`))
    const finalMb = serverRssMb(server.child.pid!)
    const saves = await timeSaves(server.baseUrl)
    ctx.log(`  saves: image ${saves.mediaMs} ms, unused category ${saves.categoryMs} ms (median)`)
    const measured: Measured = {
      n: state.published,
      pages: { blogPage, categoryPage, category: state.category },
      build: { small: buildSmall, large: buildLarge },
      first,
      cached,
      health,
      search: { firstMs: firstSearch.ms, firstStatus: firstSearch.status, one, ten },
      memory: { idleMb, afterSearchesMb, finalMb, searches },
      saves,
    }
    const results = resultsOf(measured)
    const file = path.join(await ensureResultsDir(), `archive-${n}.json`)
    await writeFile(file, JSON.stringify({ measured, results }, null, 2))
    printArchiveTable(results, ctx.log)
    ctx.log(`  wrote ${path.relative(ROOT, file)}`)
    return results
  } finally {
    await server?.stop()
    await removeBulkPosts(databaseUri).catch((error) =>
      ctx.log(`  removing the copies failed: ${error}`),
    )
    await rm(dir, { recursive: true, force: true })
  }
}

// `npm run bench:archive [-- --n 2000]`: this module alone, without the shared app of bench/run.ts.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const code = await run({ app: undefined as never, log: (line) => console.log(line) }).then(
    (results) => (results.some((r) => r.pass === false) ? 2 : 0),
    (error) => {
      console.error(error)
      return 1
    },
  )
  console.log(
    `bench:archive finished at ${new Date().toISOString()} (${round(process.uptime(), 0)} s)`,
  )
  process.exit(code)
}
