import { adminHeaders } from '../tests/e2e/helpers/rest'
import { insertBulkPosts } from './bulk-posts'
import {
  now,
  percentile,
  ratio,
  round,
  standalone,
  type BenchContext,
  type BenchResult,
} from './lib'

const POSTS = 10_000
const WARMUP = 20
const REQUESTS = 200
const TARGET_P95_MS = 50

/** 200 sequential authenticated GETs (keep-alive), after a warm-up; latencies in ms. */
async function sample(url: string, headers: Record<string, string>) {
  const times: number[] = []
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = now()
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })
    const body = (await response.json()) as { totalDocs?: number }
    const elapsed = now() - started
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    if (i >= WARMUP) times.push(elapsed)
    if (i === 0 && body.totalDocs !== undefined && body.totalDocs < POSTS)
      throw new Error(`${url}: expected at least ${POSTS} posts, got ${body.totalDocs}`)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/**
 * Admin REST list with 10,000 posts in the database, as the seeded admin, against the same list
 * asking for a single document without relationships (the query's fixed cost) in the same run.
 */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const started = now()
  const bulk = await insertBulkPosts(ctx.app.env.DATABASE_URI!, POSTS)
  ctx.log(
    `  inserted ${POSTS} draft posts by SQL in ${Math.round(now() - started)} ms (${bulk.totalPosts} posts in total)`,
  )
  try {
    const headers = await adminHeaders(ctx.app.baseUrl)
    const api = `${ctx.app.baseUrl}/api`
    const me = await sample(`${api}/users/me`, headers)
    const reference = await sample(`${api}/posts?limit=1&depth=0`, headers)
    const depth0 = await sample(`${api}/posts?limit=10&depth=0`, headers)
    const depth2 = await sample(`${api}/posts?limit=10&depth=2`, headers)
    const show = (label: string, s: { p50: number; p95: number }) =>
      `${label} p50 ${round(s.p50)} / p95 ${round(s.p95)} ms`
    ctx.log(
      `  ${show('/users/me', me)}; ${show('limit=1', reference)}; ${show('depth=0', depth0)}; ${show('depth=2', depth2)}`,
    )
    const notes = `${REQUESTS} sequential requests after ${WARMUP} warm-up, ${bulk.totalPosts} posts; /api/users/me p95 ${round(me.p95)} ms`
    const result = (name: string, s: { p50: number; p95: number }): BenchResult[] => [
      {
        name: `${name} p95`,
        figure: round(s.p95),
        unit: 'ms',
        reference: round(reference.p95),
        referenceLabel: '/api/posts?limit=1&depth=0 p95',
        ratio: ratio(s.p95, reference.p95),
        target: `< ${TARGET_P95_MS} ms`,
        pass: s.p95 < TARGET_P95_MS,
        notes,
      },
      {
        name: `${name} p50`,
        figure: round(s.p50),
        unit: 'ms',
        reference: round(reference.p50),
        referenceLabel: '/api/posts?limit=1&depth=0 p50',
        ratio: ratio(s.p50, reference.p50),
        target: 'report only',
        pass: null,
        notes: '',
      },
    ]
    return [
      ...result('Admin list limit=10 depth=0', depth0),
      ...result('Admin list limit=10 depth=2', depth2),
    ]
  } finally {
    await bulk.remove()
  }
}

await standalone(import.meta.url, run)
