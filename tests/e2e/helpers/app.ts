import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from '../../support/net'
import { stopGroup } from '../../support/process-group'

export const E2E_ADMIN = { email: 'admin-e2e@example.com', password: 'e2e-admin-password-123' }
export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef'
// Benchmarks build into their own folder (E2E_DIST_DIR), so they never clash with a test run.
const DIST_DIR = process.env.E2E_DIST_DIR || '.next-e2e'

export type RunningApp = {
  /** The server's process group (npm and the `next start` under it). */
  pid: number
  baseUrl: string
  env: NodeJS.ProcessEnv
  dir: string
  logs: () => string
  stop: () => Promise<void>
}

export { freePort }

/** Runs a project npm script to completion, failing loudly with its output. */
function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    throw new Error(
      `npm run ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    )
  }
  return result.stdout
}

async function waitForServer(
  url: string,
  child: ChildProcess,
  logs: () => string,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with ${child.exitCode}:\n${logs()}`)
    try {
      const response = await fetch(url)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`next start did not answer on ${url} in ${timeoutMs} ms:\n${logs()}`)
}

export type AppEnvironment = {
  dir: string
  port: number
  baseUrl: string
  env: NodeJS.ProcessEnv
}

/**
 * A fresh temporary folder, a free port and the production environment every e2e server runs
 * with: its own SQLite file (`database`) and media folder, the shared build folder.
 */
export async function appEnvironment(prefix: string, database: string): Promise<AppEnvironment> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The servers run plain Node: no test runner's (or benchmark's) flags leak into them.
    NODE_OPTIONS: '',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URI: `file:${path.join(dir, database)}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: E2E_SECRET,
    SITE_URL: baseUrl,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    // Scheduled publishing is checked every 2 s so its test does not wait 20 s.
    JOB_RUNNER_INTERVAL_SECONDS: '2',
    // As if behind one reverse proxy that appends the client's address to X-Forwarded-For:
    // tests act as different clients by sending the address that proxy would append.
    TRUSTED_PROXY_HOPS: '1',
  }
  return { dir, port, baseUrl, env }
}

/**
 * Builds and starts the real app (`next build` + `next start`) on a free port, against a
 * temporary SQLite database that is migrated and seeded exactly as the quick start does.
 */
export async function startApp(): Promise<RunningApp> {
  const { dir, port, baseUrl, env } = await appEnvironment('clinica-e2e-', 'e2e.db')

  run(['migrate'], env)
  run(['seed'], env)
  run(['build'], env)

  let output = ''
  // The README's way of serving (`npm run serve`, i.e. `next start` on the project's Node 24).
  const child = spawn(
    'npm',
    ['run', '--silent', 'serve', '--', '--port', String(port), '--hostname', '127.0.0.1'],
    { env, detached: true },
  )
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const logs = () => output

  await waitForServer(baseUrl, child, logs)

  return {
    pid: child.pid!,
    baseUrl,
    env,
    dir,
    logs,
    stop: async () => {
      await stopGroup(child)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The server started by the e2e global setup. */
export function e2eBaseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e tests through `npm run test:e2e`')
  return url
}
