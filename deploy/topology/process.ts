import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** Where a service's output goes, line by line (the topology command prints it, tests keep it). */
export type Log = (service: string, line: string) => void

export type Service = {
  name: string
  /** Leader of the service's own process group. */
  pid: number
  /** The last 64 KB of its output. */
  logs: () => string
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>
  running: () => boolean
  /** SIGTERM to the whole group, SIGKILL after 10 s; resolves when every process is gone. */
  stop: () => Promise<void>
  /** SIGKILL to the whole group at once: no shutdown hook runs (a crash). */
  kill: () => Promise<void>
}

const LOG_TAIL = 64 * 1024
/** Every service still running, for an emergency stop (Ctrl-C while the topology starts). */
const live = new Set<Service>()

export async function stopAllServices(): Promise<void> {
  await Promise.all([...live].map((service) => service.stop()))
}
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/**
 * Starts a command in its own process group (so one signal reaches its workers too), keeping
 * the tail of its output and passing each line to `log`.
 */
export function spawnService(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; log?: Log },
): Service {
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`${name}: ${command} could not be started`)
  let output = ''
  let partial = ''
  const collect = (chunk: Buffer) => {
    const text = chunk.toString()
    output = (output + text).slice(-LOG_TAIL)
    if (!options.log) return
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) options.log(name, line)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))

  const end = async (signal: NodeJS.Signals, graceMs: number) => {
    if (groupAlive(pid)) signalGroup(pid, signal)
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs)
    await exited
    // The leader's exit is not enough: a worker could still hold the port or the database.
    const deadline = Date.now() + graceMs
    while (groupAlive(pid) && Date.now() < deadline) await sleep(50)
    clearTimeout(timer)
    signalGroup(pid, 'SIGKILL')
  }

  const service: Service = {
    name,
    pid,
    logs: () => output,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: () => end('SIGTERM', 10_000),
    kill: () => end('SIGKILL', 10_000),
  }
  live.add(service)
  void exited.then(() => live.delete(service))
  return service
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; log?: Log },
): Promise<void> {
  const service = spawnService(name, command, args, options)
  const code = await service.exited
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${service.logs()}`)
}

/** Whether nothing listens on the loopback port yet. */
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

/** Fails, naming every busy port and what needed it, before anything is started. */
export async function assertPortsFree(ports: { port: number; for: string }[]): Promise<void> {
  const busy: string[] = []
  for (const { port, for: purpose } of ports) {
    if (!(await portFree(port))) busy.push(`  - 127.0.0.1:${port} (${purpose})`)
  }
  if (busy.length === 0) return
  throw new Error(
    `These ports are already in use:\n${busy.join('\n')}\n` +
      'Stop what listens there (`ss -ltnp` shows it), or a topology that is still running, and try again.',
  )
}

/** Polls `probe` until it returns true; fails early if the service exits. */
export async function waitUntil(
  service: Service,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (!service.running()) {
      throw new Error(`${service.name} exited before ${what}:\n${service.logs()}`)
    }
    if (await probe().catch(() => false)) return
    if (Date.now() > deadline) {
      await service.kill()
      throw new Error(`${service.name}: no ${what} within ${timeoutMs} ms:\n${service.logs()}`)
    }
    await sleep(200)
  }
}
