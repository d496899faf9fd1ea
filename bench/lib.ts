import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { freePort, startApp, type RunningApp } from '../tests/e2e/helpers/app'
import { stopGroup } from '../tests/support/process-group'

// The same free-port probe the e2e servers use.
export { freePort }

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results')
export const ARTICLE_PATH = '/blog/intervento-mini-invasivo-alluce-valgo'
export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')

export type BenchResult = {
  name: string
  figure: number
  unit: string
  reference: number
  /** What the reference is, measured in the same run. */
  referenceLabel: string
  ratio: number
  /** Human-readable target; `pass` is null when the figure is reported without a target. */
  target: string
  pass: boolean | null
  notes: string
}

export type BenchContext = {
  app: RunningApp
  /** Extra lines every benchmark may log; the runner prints them as they come. */
  log: (line: string) => void
}

export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** figure ÷ reference; 1 when both are 0 (e.g. CLS), null (JSON) when only the reference is. */
export const ratio = (figure: number, reference: number) =>
  reference === 0 ? (figure === 0 ? 1 : Number.NaN) : round(figure / reference, 3)

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

export const median = (values: number[]) => percentile(values, 50)

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Milliseconds of a wall-clock interval, with sub-millisecond precision. */
export const now = () => Number(process.hrtime.bigint()) / 1e6

export type Spawned = { child: ChildProcess; logs: () => string; stop: () => Promise<void> }

/** Spawns a detached process group, so `stop` also ends every grandchild (npx, next workers). */
export function spawnGroup(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Spawned {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? ROOT, detached: true })
  let output = ''
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
  const stop = () => stopGroup(child, { graceMs: 5_000 })
  return { child, logs: () => output, stop }
}

/** Polls `url` until it answers 200 (redirects followed); returns ms since `since`. */
export async function timeToFirst200(
  url: string,
  spawned: Spawned,
  since: number,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = since + timeoutMs
  while (now() < deadline) {
    if (spawned.child.exitCode !== null) throw new Error(`server exited:\n${spawned.logs()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      if (response.status === 200) return now() - since
    } catch {
      // not listening yet
    }
    await sleep(25)
  }
  throw new Error(`${url} gave no 200 within ${timeoutMs} ms:\n${spawned.logs()}`)
}

/** `next start` of an already built Next app, run directly through node (no npx layer). */
export async function nextStart(cwd: string, env: NodeJS.ProcessEnv) {
  const port = await freePort()
  const since = now()
  const server = spawnGroup(
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { env, cwd },
  )
  return { ...server, baseUrl: `http://127.0.0.1:${port}`, since }
}

export async function ensureResultsDir() {
  await mkdir(RESULTS_DIR, { recursive: true })
  return RESULTS_DIR
}

export function printResults(results: BenchResult[]) {
  for (const r of results) {
    const verdict = r.pass === null ? 'report' : r.pass ? 'PASS' : 'MISS'
    console.log(
      `[${verdict}] ${r.name}: ${r.figure} ${r.unit} | reference ${r.reference} ${r.unit} (${r.referenceLabel}) | ratio ${r.ratio} | target ${r.target}${r.notes ? ` | ${r.notes}` : ''}`,
    )
  }
}

/** Runs one benchmark module alone when its file is the process entry point. */
export async function standalone(
  metaUrl: string,
  run: (ctx: BenchContext) => Promise<BenchResult[]>,
) {
  if (!process.argv[1] || pathToFileURL(path.resolve(process.argv[1])).href !== metaUrl) return
  console.log('Building and starting the app (migrate, seed, next build, next start)…')
  const app = await startApp()
  let code = 0
  try {
    printResults(await run({ app, log: (line) => console.log(line) }))
  } catch (error) {
    console.error(error)
    code = 1
  } finally {
    await app.stop()
  }
  process.exit(code)
}
