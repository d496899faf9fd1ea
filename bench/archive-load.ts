import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

import { now, percentile, round } from './lib'

/*
 * Load generation and process measurements for bench/archive.ts: plain `fetch` clients (one
 * code path for the reference and the page measured, so their ratio is fair), each request from
 * its own client address (X-Forwarded-For, trusted one hop as behind the proxy) so per-address
 * limits meant for people do not throttle the benchmark's simulated crowd.
 */

let address = 0
/** A new client address for each request: 10.x.y.z. */
const nextAddress = () => {
  address = (address + 1) % 16_000_000
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`
}

export type Sample = {
  p50: number
  p95: number
  requests: number
  perSecond: number
  /** Responses that were not the expected status. */
  failures: number
  statuses: string
}

async function timedGet(url: string, expect: number, statuses: Map<number, number>) {
  const started = now()
  const response = await fetch(url, {
    headers: { 'x-forwarded-for': nextAddress() },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
  await response.arrayBuffer()
  const elapsed = now() - started
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
  return { elapsed, ok: response.status === expect }
}

const summary = (times: number[], failures: number, ms: number, statuses: Map<number, number>) => ({
  p50: round(percentile(times, 50)),
  p95: round(percentile(times, 95)),
  requests: times.length,
  perSecond: round((times.length / ms) * 1000, 1),
  failures,
  statuses: [...statuses].map(([status, n]) => `${status}×${n}`).join(' '),
})

/**
 * `requests` sequential GETs (keep-alive) after `warmup` unmeasured ones; fewer when they take
 * longer than `maxSeconds` in all (a slow page must not hold the run for many minutes).
 */
export async function sequential(
  url: string,
  { requests = 200, warmup = 10, expect = 200, maxSeconds = 60 } = {},
): Promise<Sample> {
  const statuses = new Map<number, number>()
  for (let i = 0; i < warmup; i++) await timedGet(url, expect, statuses)
  statuses.clear()
  const times: number[] = []
  let failures = 0
  const started = now()
  for (let i = 0; i < requests && now() - started < maxSeconds * 1000; i++) {
    const { elapsed, ok } = await timedGet(url, expect, statuses)
    times.push(elapsed)
    if (!ok) failures++
  }
  return summary(times, failures, now() - started, statuses)
}

/** `clients` concurrent clients, each looping GETs for `seconds` after a short warm-up. */
export async function concurrent(
  url: string,
  { clients = 10, seconds = 8, warmupSeconds = 2, expect = 200 } = {},
): Promise<Sample> {
  const run = async (ms: number) => {
    const statuses = new Map<number, number>()
    const times: number[] = []
    let failures = 0
    const started = now()
    const deadline = started + ms
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (now() < deadline) {
          const { elapsed, ok } = await timedGet(url, expect, statuses)
          times.push(elapsed)
          if (!ok) failures++
        }
      }),
    )
    return summary(times, failures, now() - started, statuses)
  }
  await run(warmupSeconds * 1000)
  return run(seconds * 1000)
}

/** `total` GETs of the URLs in turn, from `clients` concurrent clients. */
export async function spread(urls: readonly string[], total: number, clients = 10) {
  let next = 0
  const statuses = new Map<number, number>()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++
        await timedGet(urls[i % urls.length]!, 200, statuses)
      }
    }),
  )
  return statuses
}

/** One GET: its time, status and caching headers. */
export async function firstGet(url: string) {
  const started = now()
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(120_000) })
  const body = await response.text()
  return {
    ms: round(now() - started),
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    cacheControl: response.headers.get('cache-control') ?? '',
    body,
  }
}

/**
 * Resident memory (MB) of the Next.js server among the processes of group `pgid`: the one
 * titled `next-server`, else the largest (`next start` may serve from its own process).
 */
export function serverRssMb(pgid: number): number {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' })
  const processes = listing
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/, 2) as [string, string])
    .map(([pid, args]) => ({ pid: Number(pid), args, rss: rssKb(Number(pid)) }))
  const server =
    processes.find((p) => p.args.startsWith('next-server')) ??
    processes.sort((a, b) => b.rss - a.rss)[0]
  if (!server) throw new Error(`no process in group ${pgid}`)
  return round(server.rss / 1024, 1)
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}
