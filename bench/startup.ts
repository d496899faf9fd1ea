import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { bareApp } from './bare-app'
import {
  ARTICLE_PATH,
  ROOT,
  median,
  nextStart,
  now,
  ratio,
  round,
  standalone,
  timeToFirst200,
  type BenchContext,
  type BenchResult,
} from './lib'

const REPEATS = 3

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = now()
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  const elapsed = now() - started
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    )
  return elapsed
}

/** Median over REPEATS cold starts of `next start` until `pathname` first answers 200. */
async function coldStart(cwd: string, env: NodeJS.ProcessEnv, pathname: string): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    const server = await nextStart(cwd, env)
    try {
      times.push(await timeToFirst200(`${server.baseUrl}${pathname}`, server, server.since))
    } finally {
      await server.stop()
    }
  }
  return times
}

const fmt = (times: number[]) => times.map((t) => Math.round(t)).join(', ')

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  // 1. Seeding a fresh database. The reference is `npm run migrate` on that same fresh file: it
  // pays the same npm + tsx + Payload config start-up, so the ratio isolates the seed's own work.
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-bench-seed-'))
  let migrateMs: number
  let seedMs: number
  let nodeMs: number
  try {
    const env = {
      ...ctx.app.env,
      DATABASE_URI: `file:${path.join(dir, 'fresh.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
    }
    nodeMs = timed(process.execPath, ['-e', ''], env)
    migrateMs = timed('npm', ['run', '--silent', 'migrate'], env)
    seedMs = timed('npm', ['run', '--silent', 'seed'], env)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  ctx.log(
    `  node -e '' ${Math.round(nodeMs)} ms; migrate ${Math.round(migrateMs)} ms; seed ${Math.round(seedMs)} ms`,
  )

  // 2. Cold starts: a new `next start` on the already built app (and its database) each time.
  const bare = await bareApp()
  const bareTimes = await coldStart(bare.dir, bare.env, '/')
  const articleTimes = await coldStart(ROOT, ctx.app.env, ARTICLE_PATH)
  const adminTimes = await coldStart(ROOT, ctx.app.env, '/admin')
  ctx.log(
    `  cold start ms — bare: ${fmt(bareTimes)}; article: ${fmt(articleTimes)}; admin: ${fmt(adminTimes)}`,
  )
  const bareMs = median(bareTimes)
  const cold = (name: string, times: number[], what: string): BenchResult => ({
    name,
    figure: round(median(times), 0),
    unit: 'ms',
    reference: round(bareMs, 0),
    referenceLabel: 'bare Next app: start → first 200 on /',
    ratio: ratio(median(times), bareMs),
    target: 'report only',
    pass: null,
    notes: `median of ${REPEATS} (${fmt(times)} ms); process spawn → first 200 on ${what}; reference runs ${fmt(bareTimes)} ms`,
  })
  return [
    {
      name: 'Seed a fresh database (migrate + seed)',
      figure: round(migrateMs + seedMs, 0),
      unit: 'ms',
      reference: round(migrateMs, 0),
      referenceLabel: '`npm run migrate` alone on the same fresh file',
      ratio: ratio(migrateMs + seedMs, migrateMs),
      target: 'report only',
      pass: null,
      notes: `seed alone ${Math.round(seedMs)} ms; bare \`node -e ''\` ${Math.round(nodeMs)} ms; one run each`,
    },
    cold('Cold start → article 200', articleTimes, ARTICLE_PATH),
    cold('Cold start → /admin 200', adminTimes, '/admin (redirect to /admin/login followed)'),
  ]
}

await standalone(import.meta.url, run)
