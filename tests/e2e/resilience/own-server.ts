import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { stopGroup } from '../../support/process-group'
import { appEnvironment, type AppEnvironment } from '../helpers/app'

/**
 * A private production server for tests that must kill it (the shared one from the global setup
 * has to survive for the other files). It reuses the build made by the global setup (`.next-e2e`):
 * building again would cost over a minute and race with the shared server's files.
 */

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next')
/** Readiness probe: an API route is never prerendered, so probing it writes nothing into the
 * shared `.next-e2e` page cache (a rendered page from this private database would land there). */
const READY_PATH = '/api/posts?limit=1&depth=0'

export type OwnEnv = AppEnvironment

/** The same environment as `startApp`'s, pointed at a fresh temp dir and port. */
export const ownEnv = (prefix: string): Promise<OwnEnv> => appEnvironment(prefix, 'crash.db')

/** Runs `npm run --silent <script>` without blocking the runner; rejects with its output. */
export function runScript(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (${code}):\n${output}`)),
    )
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type OwnServer = {
  pid: number
  logs: () => string
  /** SIGKILL to the whole process group: no shutdown hook, no WAL checkpoint, no socket close. */
  crash: () => Promise<void>
  /** SIGTERM (Next's graceful stop), then SIGKILL if the group still runs 15 s later. */
  stop: () => Promise<void>
}

export async function startOwnServer(
  { env, port, baseUrl }: OwnEnv,
  timeoutMs = 90_000,
): Promise<OwnServer> {
  // detached: the server gets its own process group, so one signal reaches every process in it.
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error('next start did not spawn')
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const logs = () => output
  const killGroup = (signal: NodeJS.Signals) => stopGroup(child, { signal })

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}):\n${logs()}`)
    try {
      const response = await fetch(`${baseUrl}${READY_PATH}`)
      await response.arrayBuffer()
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await killGroup('SIGKILL')
      throw new Error(`next start did not answer in ${timeoutMs} ms:\n${logs()}`)
    }
    await sleep(250)
  }

  return {
    pid,
    logs,
    crash: () => killGroup('SIGKILL'),
    stop: () => killGroup('SIGTERM'),
  }
}
