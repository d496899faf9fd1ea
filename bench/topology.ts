import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon, { type Result } from 'autocannon'

import { nginxBinary } from '../deploy/topology/nginx'
import { spawnService, waitUntil } from '../deploy/topology/process'
import { createPublishedPost } from '../tests/e2e/helpers/posts'
import { startTestTopology, type TestTopology } from '../tests/e2e/helpers/topology'

import {
  ARTICLE_PATH,
  freePort,
  median,
  now,
  ratio,
  round,
  sleep,
  standalone,
  type BenchContext,
  type BenchResult,
} from './lib'

const CONNECTIONS = 10
const DURATION_S = 10
const WARMUP_S = 3
const PUBLISH_REPEATS = 10
const POLL_LIMIT_MS = 5_000
const LIVE_TARGET_MS = 1_500
const PUBLISH_EVERY_MS = 2_000

const load = (url: string, duration: number): Promise<Result> =>
  autocannon({ url, connections: CONNECTIONS, duration, timeout: 10 })

const describeLoad = (label: string, result: Result) =>
  `${label}: ${round(result.requests.average, 1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`

const failuresOf = (result: Result) => result.non2xx + result.errors + result.timeouts

/**
 * The reference: the same nginx binary and settings (workers, keep-alive, buffered access log)
 * serving the article's bytes as a plain file.
 */
async function startStaticNginx(body: Buffer) {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-bench-static-'))
  await chmod(dir, 0o755)
  await writeFile(path.join(dir, 'article.html'), body, { mode: 0o644 })
  const port = await freePort()
  const config = path.join(dir, 'nginx.conf')
  await writeFile(
    config,
    `worker_processes auto;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    access_log ${dir}/access.log combined buffer=32k flush=1s;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy_temp;
    fastcgi_temp_path ${dir}/fastcgi_temp;
    uwsgi_temp_path ${dir}/uwsgi_temp;
    scgi_temp_path ${dir}/scgi_temp;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 65s;
    server {
        listen 127.0.0.1:${port};
        root ${dir};
        default_type text/html;
        charset utf-8;
        location / { try_files /article.html =404; }
    }
}
`,
  )
  const service = spawnService(
    'nginx-static',
    nginxBinary(),
    ['-p', dir, '-c', config, '-e', 'stderr', '-g', 'daemon off;'],
    { env: process.env },
  )
  const url = `http://127.0.0.1:${port}${ARTICLE_PATH}`
  await waitUntil(service, 'static answer', async () => (await fetch(url)).status === 200, 15_000)
  return {
    url,
    stop: async () => {
      await service.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

const titleShown = (html: string, title: string) => html.includes(`<h1>${title}</h1>`)

/** Polls `url` until it shows `title`; ms since `since`, or Infinity past the limit. */
async function liveAfter(url: string, title: string, since: number): Promise<number> {
  while (now() - since < POLL_LIMIT_MS) {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
    if (response.status === 200 && titleShown(await response.text(), title)) return now() - since
    await sleep(10)
  }
  return Number.POSITIVE_INFINITY
}

async function publish(
  base: string,
  post: { id: string; headers: Record<string, string> },
  title: string,
) {
  const response = await fetch(`${base}/api/posts/${post.id}`, {
    method: 'PATCH',
    headers: post.headers,
    body: JSON.stringify({ title, _status: 'published' }),
  })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`publish answered ${response.status}`)
}

async function throughput(topology: TestTopology, ctx: BenchContext): Promise<BenchResult[]> {
  const [a] = topology.instances
  const proxyUrl = `${topology.baseUrl}${ARTICLE_PATH}`
  const directUrl = `${a.url}${ARTICLE_PATH}`
  // What readers get through the proxy, uncompressed (autocannon sends no Accept-Encoding).
  const first = await fetch(proxyUrl, { headers: { 'Accept-Encoding': 'identity' } })
  if (first.status !== 200) throw new Error(`article answered ${first.status} through the proxy`)
  const body = Buffer.from(await first.arrayBuffer())
  const staticServer = await startStaticNginx(body)
  try {
    const soloUrl = `${ctx.app.baseUrl}${ARTICLE_PATH}`
    for (const url of [proxyUrl, staticServer.url, directUrl, soloUrl]) await load(url, WARMUP_S)
    const proxied = await load(proxyUrl, DURATION_S)
    const reference = await load(staticServer.url, DURATION_S)
    const direct = await load(directUrl, DURATION_S)
    const solo = await load(soloUrl, DURATION_S)
    ctx.log(
      `  HTML: ${body.length} bytes; through the proxy: x-cache-status ${first.headers.get('x-cache-status')}`,
    )
    ctx.log(`  ${describeLoad('proxy             ', proxied)}`)
    ctx.log(`  ${describeLoad('static nginx      ', reference)}`)
    ctx.log(`  ${describeLoad('instance a (Redis)', direct)}`)
    ctx.log(`  ${describeLoad('lone app (memory) ', solo)}`)
    const settings = `${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up, ${body.length} B HTML`
    const referenceLabel = 'nginx serving the same bytes as a static file'
    return [
      {
        name: 'Article throughput through the proxy',
        figure: round(proxied.requests.average, 1),
        unit: 'req/s',
        reference: round(reference.requests.average, 1),
        referenceLabel,
        ratio: ratio(proxied.requests.average, reference.requests.average),
        target: '≥ 0.6 × static',
        pass:
          failuresOf(proxied) === 0 && proxied.requests.average >= 0.6 * reference.requests.average,
        notes: `${settings}; ${failuresOf(proxied)} failed responses; p99 ${proxied.latency.p99} ms vs ${reference.latency.p99} ms`,
      },
      {
        name: 'Article throughput, one `next start` directly',
        figure: round(direct.requests.average, 1),
        unit: 'req/s',
        reference: round(reference.requests.average, 1),
        referenceLabel,
        ratio: ratio(direct.requests.average, reference.requests.average),
        target: 'report only',
        pass: null,
        notes: `instance a of the topology (Redis page cache); ${failuresOf(direct)} failed responses; p99 ${direct.latency.p99} ms`,
      },
      {
        name: 'Article throughput, lone `next start` with its in-memory page cache',
        figure: round(solo.requests.average, 1),
        unit: 'req/s',
        reference: round(reference.requests.average, 1),
        referenceLabel,
        ratio: ratio(solo.requests.average, reference.requests.average),
        target: 'diagnostic',
        pass: null,
        notes: `the runner's app (no REDIS_URL), same build; ${failuresOf(solo)} failed responses; p99 ${solo.latency.p99} ms`,
      },
    ]
  } finally {
    await staticServer.stop()
  }
}

async function publishToLive(topology: TestTopology, ctx: BenchContext): Promise<BenchResult[]> {
  const [a, b] = topology.instances
  const post = await createPublishedPost(a.url, `Benchmark della topologia ${Date.now()}`)
  const pagePath = `/blog/${post.slug}`
  const gets: number[] = []
  for (let i = 0; i < 25; i++) {
    const started = now()
    const response = await fetch(`${topology.baseUrl}${pagePath}`)
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`)
    if (i >= 5) gets.push(now() - started)
  }
  // A reader keeps the proxy's copy warm, so each publish finds it cached and up to 1 s old; a
  // bounded loop (one request every 50 ms at most, for at most the rounds' worst-case length).
  let reading = true
  const readerDeadline = now() + PUBLISH_REPEATS * (POLL_LIMIT_MS + 2_000)
  const reader = (async () => {
    while (reading && now() < readerDeadline) {
      const response = await fetch(`${topology.baseUrl}${pagePath}`).catch(() => null)
      await response?.arrayBuffer()
      await sleep(50)
    }
  })()
  const viaProxy: number[] = []
  const onB: number[] = []
  for (let i = 0; i < PUBLISH_REPEATS; i++) {
    // A random moment in the cached copy's second.
    await sleep(500 + Math.random() * 1_000)
    const title = `Titolo della topologia ${i} ${Math.random().toString(36).slice(2, 8)}`
    await publish(a.url, post, title)
    const savedAt = now()
    const [proxied, other] = await Promise.all([
      liveAfter(`${topology.baseUrl}${pagePath}`, title, savedAt),
      liveAfter(`${b.url}${pagePath}`, title, savedAt),
    ])
    viaProxy.push(proxied)
    onB.push(other)
  }
  reading = false
  await reader
  const show = (values: number[]) =>
    values.map((t) => (Number.isFinite(t) ? Math.round(t) : `>${POLL_LIMIT_MS}`)).join(', ')
  ctx.log(`  publish on a → live through the proxy (ms): ${show(viaProxy)}`)
  ctx.log(`  publish on a → live on instance b (ms): ${show(onB)}`)
  const getMs = median(gets)
  const missesProxy = viaProxy.filter((t) => !Number.isFinite(t)).length
  const missesB = onB.filter((t) => !Number.isFinite(t)).length
  const maxProxy = missesProxy ? POLL_LIMIT_MS : Math.max(...viaProxy)
  const maxB = missesB ? POLL_LIMIT_MS : Math.max(...onB)
  const referenceLabel = 'plain GET of the page through the proxy (median of 20)'
  return [
    {
      name: 'Publish on instance a → live through the proxy (max)',
      figure: round(maxProxy, 1),
      unit: 'ms',
      reference: round(getMs, 1),
      referenceLabel,
      ratio: ratio(maxProxy, getMs),
      target: `< ${LIVE_TARGET_MS} ms`,
      pass: missesProxy === 0 && maxProxy < LIVE_TARGET_MS,
      notes: `${PUBLISH_REPEATS} publishes while a reader keeps the proxy's copy warm; median ${round(median(viaProxy), 1)} ms; ${missesProxy} not live within ${POLL_LIMIT_MS} ms`,
    },
    {
      name: 'Publish on instance a → live on instance b (max)',
      figure: round(maxB, 1),
      unit: 'ms',
      reference: round(getMs, 1),
      referenceLabel,
      ratio: ratio(maxB, getMs),
      target: 'report only',
      pass: null,
      notes: `median ${round(median(onB), 1)} ms; ${missesB} not live within ${POLL_LIMIT_MS} ms`,
    },
  ]
}

async function latencyWhilePublishing(
  topology: TestTopology,
  ctx: BenchContext,
): Promise<BenchResult[]> {
  const [a] = topology.instances
  const post = await createPublishedPost(a.url, `Benchmark lettura e pubblicazione ${Date.now()}`)
  const url = `${topology.baseUrl}/blog/${post.slug}`
  await load(url, WARMUP_S)
  const quiet = await load(url, DURATION_S)
  let stop = false
  let publishes = 0
  const editorErrors: string[] = []
  // At most one publish every 2 s for the load's duration: a bounded editor.
  const editor = (async () => {
    const deadline = now() + DURATION_S * 1_000
    while (!stop && now() < deadline) {
      await sleep(PUBLISH_EVERY_MS)
      if (stop) break
      try {
        await publish(a.url, post, `Revisione ${++publishes} del benchmark`)
      } catch (error) {
        editorErrors.push(String(error))
      }
    }
  })()
  const busy = await load(url, DURATION_S)
  stop = true
  await editor
  ctx.log(`  ${describeLoad('quiet     ', quiet)}`)
  ctx.log(
    `  ${describeLoad('publishing', busy)}; ${publishes} publishes, ${editorErrors.length} failed`,
  )
  return [
    {
      name: 'p99 latency through the proxy while an editor publishes every 2 s',
      figure: busy.latency.p99,
      unit: 'ms',
      reference: quiet.latency.p99,
      referenceLabel: 'p99 of the same page through the proxy, nobody publishing',
      ratio: ratio(busy.latency.p99, quiet.latency.p99),
      target: 'report only',
      pass: null,
      notes: `${CONNECTIONS} connections, ${DURATION_S} s; ${publishes} publishes (${editorErrors.length} failed); ${failuresOf(busy)} failed responses; ${round(busy.requests.average, 1)} vs ${round(quiet.requests.average, 1)} req/s`,
    },
  ]
}

/**
 * The production topology (deploy/topology: nginx with deploy/nginx.conf, two `next start`,
 * Redis, S3) on free loopback ports, on the build the runner made: throughput through the proxy
 * against nginx serving the same bytes from a file, publish → live through the proxy, and tail
 * latency while an editor publishes.
 */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const topology = await startTestTopology('clinica-bench-topology-')
  try {
    return [
      ...(await throughput(topology, ctx)),
      ...(await publishToLive(topology, ctx)),
      ...(await latencyWhilePublishing(topology, ctx)),
    ]
  } finally {
    await topology.dispose()
  }
}

await standalone(import.meta.url, run)
