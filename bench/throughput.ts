import autocannon, { type Result } from 'autocannon'

import { bareApp } from './bare-app'
import {
  ARTICLE_PATH,
  freePort,
  nextStart,
  ratio,
  timeToFirst200,
  round,
  standalone,
  type BenchContext,
  type BenchResult,
} from './lib'
import { startStaticServer } from './static-server'

const CONNECTIONS = 10
const DURATION_S = 10
const WARMUP_S = 3

const load = (url: string, duration: number): Promise<Result> =>
  autocannon({ url, connections: CONNECTIONS, duration, timeout: 10 })

function describe(label: string, result: Result) {
  return `${label}: ${round(result.requests.average, 1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`
}

/**
 * Article page throughput from `next start` against a minimal Node `http` server serving the
 * very same HTML bytes: the static server is what this machine can do at all.
 */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const articleUrl = `${ctx.app.baseUrl}${ARTICLE_PATH}`
  const first = await fetch(articleUrl)
  if (first.status !== 200) throw new Error(`article answered ${first.status}`)
  const body = Buffer.from(await first.arrayBuffer())
  const staticServer = await startStaticServer(
    body,
    first.headers.get('content-type') ?? 'text/html; charset=utf-8',
    await freePort(),
  )
  try {
    const staticUrl = `${staticServer.baseUrl}${ARTICLE_PATH}`
    await load(articleUrl, WARMUP_S)
    await load(staticUrl, WARMUP_S)
    const app = await load(articleUrl, DURATION_S)
    const bare = await load(staticUrl, DURATION_S)
    // Diagnostic: Next's own floor, a bare Next app's prerendered page (its own, smaller bytes).
    const bareNext = await bareApp()
    const nextServer = await nextStart(bareNext.dir, bareNext.env)
    let floor: Result
    try {
      await timeToFirst200(`${nextServer.baseUrl}/`, nextServer, nextServer.since)
      await load(`${nextServer.baseUrl}/`, WARMUP_S)
      floor = await load(`${nextServer.baseUrl}/`, DURATION_S)
    } finally {
      await nextServer.stop()
    }
    ctx.log(`  ${describe('bare Next /', floor)}`)
    const cache = `x-nextjs-cache ${first.headers.get('x-nextjs-cache') ?? 'absent'}, cache-control "${first.headers.get('cache-control') ?? ''}"`
    ctx.log(`  HTML: ${body.length} bytes (uncompressed; autocannon sends no Accept-Encoding)`)
    ctx.log(`  ${describe('next start', app)}`)
    ctx.log(`  ${describe('static  ', bare)}`)
    const failures = app.non2xx + app.errors + app.timeouts
    const settings = `${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up, ${body.length} B HTML`
    return [
      {
        name: 'Article throughput',
        figure: round(app.requests.average, 1),
        unit: 'req/s',
        reference: round(bare.requests.average, 1),
        referenceLabel: 'static Node http server, same bytes',
        ratio: ratio(app.requests.average, bare.requests.average),
        target: '≥ 0.5 × static',
        pass: failures === 0 && app.requests.average >= 0.5 * bare.requests.average,
        notes: `${settings}; ${failures} failed responses; article ${cache}`,
      },
      {
        name: 'Next floor: bare Next prerendered page',
        figure: round(floor.requests.average, 1),
        unit: 'req/s',
        reference: round(bare.requests.average, 1),
        referenceLabel: 'static Node http server, article bytes',
        ratio: ratio(floor.requests.average, bare.requests.average),
        target: 'diagnostic',
        pass: null,
        notes: `what \`next start\` alone does with a tiny static page: the best any Next page can reach here`,
      },
      {
        name: 'Article latency p50',
        figure: app.latency.p50,
        unit: 'ms',
        reference: bare.latency.p50,
        referenceLabel: 'static Node http server, same bytes',
        ratio: ratio(app.latency.p50, bare.latency.p50),
        target: 'report only',
        pass: null,
        notes: `under ${CONNECTIONS} concurrent connections`,
      },
      {
        name: 'Article latency p99',
        figure: app.latency.p99,
        unit: 'ms',
        reference: bare.latency.p99,
        referenceLabel: 'static Node http server, same bytes',
        ratio: ratio(app.latency.p99, bare.latency.p99),
        target: 'report only',
        pass: null,
        notes: `under ${CONNECTIONS} concurrent connections`,
      },
    ]
  } finally {
    await staticServer.stop()
  }
}

await standalone(import.meta.url, run)
