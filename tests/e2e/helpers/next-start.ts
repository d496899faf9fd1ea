import { spawn } from 'node:child_process'

import { stopGroup } from '../../support/process-group'

/**
 * Commands run the way production runs them, for tests that watch a server fail: unlike
 * `startOwnServer` (resilience/own-server.ts), nothing here waits for a healthy answer.
 */

export type Spawned = {
  logs: () => string
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>
  /** SIGTERM to the whole process group, then SIGKILL if it lingers. */
  stop: () => Promise<void>
}

/** `npm run --silent <args…>` in its own process group, output collected. */
export function spawnNpm(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn('npm', ['run', '--silent', ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return {
    logs: () => output,
    exited,
    stop: () => stopGroup(child, { graceMs: 10_000 }),
  }
}

/** Runs `npm run --silent <args…>` to completion; rejects with its output on failure. */
export async function runNpm(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const run = spawnNpm(args, env)
  const code = await run.exited
  if (code !== 0) throw new Error(`npm run ${args.join(' ')} failed (${code}):\n${run.logs()}`)
  return run.logs()
}

/** Resolves with the exit code, or null if the process is still running after `ms`. */
export async function exitWithin(run: Spawned, ms: number): Promise<number | null | 'running'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'running'>((resolve) => {
    timer = setTimeout(() => resolve('running'), ms)
  })
  try {
    return await Promise.race([run.exited, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The first HTTP answer of `url`, whatever its status, while the server starts up. Fails if
 * the server exits first or nothing answers in time.
 */
export async function firstAnswer(url: string, server: Spawned, timeoutMs = 90_000) {
  let exitCode: number | null | undefined
  void server.exited.then((code) => (exitCode = code))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}):\n${server.logs()}`)
    try {
      return await fetch(url, { signal: AbortSignal.timeout(10_000) })
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no answer from ${url} in ${timeoutMs} ms:\n${server.logs()}`)
}
