import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from './net'

/**
 * A throw-away Redis for the integration and end-to-end tests: Debian's `redis-server` on a free
 * loopback port, nothing persisted, its working folder removed afterwards. `npm test`
 * (scripts/prepare.mjs) installs the package when it is missing and never starts Debian's own
 * system-wide service.
 */

export const REDIS_HOW_TO =
  'redis-server is not installed: run `apt-get install redis-server` (as root), or `npm test`, which installs it'

export type TestRedis = {
  url: string
  port: number
  /** Stops the server (SIGTERM) and waits for it: Redis "goes away" for the app. */
  stop: () => Promise<void>
  /** Starts it again, empty, on the same port (after `stop`). */
  restart: () => Promise<void>
  /** Freezes it (SIGSTOP): connections stay open, commands get no answer. */
  pause: () => void
  /** Thaws it (SIGCONT) after `pause`. */
  resume: () => void
  /** Stops it for good and removes its folder. */
  dispose: () => Promise<void>
}

function redisServerPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  const file = found.status === 0 ? found.stdout.trim() : ''
  if (!file) throw new Error(REDIS_HOW_TO)
  return file
}

/** True when a Redis answers PING on the port. */
export function pingRedis(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let answer = ''
    const done = (result: boolean) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      answer += chunk.toString()
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts `redis-server` on a free loopback port and waits until it answers PING. */
export async function startRedisServer(): Promise<TestRedis> {
  const binary = redisServerPath()
  const dir = await mkdtemp(path.join(tmpdir(), 'clinica-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  let output = ''
  const killOnExit = () => child?.kill('SIGKILL')
  process.once('exit', killOnExit)

  const start = async () => {
    output = ''
    const started = spawn(
      binary,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        ...['--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const deadline = Date.now() + 10_000
    while (!(await pingRedis(port))) {
      if (started.exitCode !== null || Date.now() > deadline) {
        started.kill('SIGKILL')
        throw new Error(`redis-server did not start on port ${port}:\n${output}`)
      }
      await sleep(50)
    }
  }

  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGCONT') // a paused server could not act on SIGTERM
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }

  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    restart: async () => {
      await stop()
      await start()
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    dispose: async () => {
      await stop()
      process.removeListener('exit', killOnExit)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
