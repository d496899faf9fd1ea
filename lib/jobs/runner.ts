import { processLock, type Lock } from './lock'
import { JOB_RUNNER_HEADER, jobRunnerToken } from './token'

export const JOBS_RUN_PATH = '/api/payload-jobs/run'

type Logger = { info: (message: string) => void; error: (message: string) => void }

export type JobRunnerOptions = {
  /** The running server's own origin, asked at each tick (the port is known only once it listens). */
  origin: () => string
  secret: string
  intervalMs: number
  /** First tick after start: runs jobs that fell due while the server was down. */
  initialDelayMs?: number
  fetch?: typeof fetch
  logger?: Logger
  /** Longest a tick may take before it is abandoned (the next tick retries). */
  timeoutMs?: number
  /**
   * Taken for each tick, so that one runner at a time runs the queue however many instances
   * run one (see lib/jobs/lock.ts); a tick that does not get it does nothing.
   */
  lock?: Lock
}

export type JobRunner = {
  /** Runs one tick now; resolves when it is done. Ticks never overlap. */
  tick: () => Promise<void>
  stop: () => void
}

/**
 * Runs the jobs queue from inside the app, so scheduled publish/unpublish need no external cron.
 * Each tick asks the server itself (`GET /api/payload-jobs/run`, signed with a token derived
 * from the Payload secret) instead of calling Payload directly: the jobs then run inside a real
 * request, where Next.js can purge the cached public pages (`revalidatePath` throws outside one).
 * Every instance may run a runner: each tick first takes the queue's lock, so only one of them
 * runs the queue at a time and no job runs twice.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const doFetch = options.fetch ?? fetch
  const logger: Logger = options.logger ?? console
  const headers = { [JOB_RUNNER_HEADER]: jobRunnerToken(options.secret) }
  const timeoutMs = options.timeoutMs ?? 55_000
  const lock = options.lock ?? processLock()
  let running: Promise<void> | null = null
  let failing = false

  const runOnce = async () => {
    // Another instance is running the queue (or, with Redis away, nobody may): skip this tick.
    const lease = await lock.acquire()
    if (!lease) return
    try {
      await callRunEndpoint()
    } finally {
      await lease.release()
    }
  }

  const callRunEndpoint = async () => {
    const url = `${options.origin()}${JOBS_RUN_PATH}?queue=default&silent=true`
    try {
      const response = await doFetch(url, {
        headers,
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
      if (failing) logger.info('Job runner: the jobs queue answers again.')
      failing = false
    } catch (error) {
      // Log once per outage, not at every tick.
      if (!failing) logger.error(`Job runner: running the jobs queue failed: ${String(error)}`)
      failing = true
    }
  }

  const tick = () => {
    running ??= runOnce().finally(() => {
      running = null
    })
    return running
  }

  const interval = setInterval(() => void tick(), options.intervalMs)
  const first = setTimeout(() => void tick(), options.initialDelayMs ?? 5_000)
  // The runner never keeps a process alive on its own.
  interval.unref()
  first.unref()

  return {
    tick,
    stop: () => {
      clearInterval(interval)
      clearTimeout(first)
    },
  }
}

/** The origin Next.js itself uses for the running server, or the loopback address on its port. */
export function serverOrigin(
  environment: Record<string, string | undefined> = process.env,
): string {
  return environment.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${environment.PORT || 3000}`
}
