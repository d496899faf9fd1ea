/**
 * Runs once when the Next.js server starts (`next start` and `next dev`): sets the process's
 * time zone to the clinic's (job schedules), checks the
 * configuration (an invalid one stops the server), checks the SQLite database's integrity (a
 * damaged one stops the server) and takes the server lock `npm run restore` respects
 * (lib/backup/startup.ts), installs the client address guard
 * (lib/client-ip.ts), opens the connection to Redis when instances share their state (lib/redis;
 * the page cache handler uses the one opened here) and starts the in-process runner of the jobs
 * queue, which carries out scheduled publish and unpublish.
 * Loaded by instrumentation.ts in the Node.js runtime only (never during `next build`).
 */
export async function startNodeServer(): Promise<void> {
  // Before anything reads a clock: job schedules are the clinic's time (lib/jobs/time-zone.ts).
  const { adoptClinicTimeZone } = await import('./lib/jobs/time-zone')
  adoptClinicTimeZone()
  const { EnvError, getEnv } = await import('./lib/env')
  let env: ReturnType<typeof getEnv>
  try {
    env = getEnv()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    // Next only logs a failing register() and then answers every request with a 500. A server
    // without a valid configuration (PAYLOAD_SECRET in production…) must not start at all: the
    // process exits, naming the variable, and a container's restart policy makes it visible.
    console.error(error.message)
    process.exit(1)
  }
  const { DatabaseCheckError, prepareDatabase } = await import('./lib/backup/startup')
  try {
    await prepareDatabase(env)
  } catch (error) {
    if (!(error instanceof DatabaseCheckError)) throw error
    console.error(error.message)
    process.exit(1)
  }
  const { serverOrigin, startJobRunner } = await import('./lib/jobs/runner')
  const { jobQueueLock } = await import('./lib/jobs/lock')
  const { sharedRedis } = await import('./lib/redis')

  // Connect now rather than at the first request; Redis being away only degrades the app.
  const redis = sharedRedis()
  if (redis)
    console.info(
      `Shared state (page cache, limits, redirects, job lock) in Redis at ${redis.where}.`,
    )

  // Client addresses (rate limits) come from the connection and the trusted proxies only.
  const { Server } = await import('node:http')
  const { installClientAddressGuard } = await import('./lib/client-ip')
  installClientAddressGuard(Server, env.trustedProxyHops)

  if (!env.jobRunner.enabled) return
  // `next dev` may load this module again; one runner per process.
  const started = Symbol.for('clinica-blog.job-runner')
  const registry = globalThis as typeof globalThis & { [started]?: boolean }
  if (registry[started]) return
  registry[started] = true

  startJobRunner({
    origin: () => serverOrigin(),
    secret: env.payloadSecret,
    intervalMs: env.jobRunner.intervalSeconds * 1000,
    lock: jobQueueLock(redis),
  })
  console.info(`Job runner: scheduled publishing checked every ${env.jobRunner.intervalSeconds} s.`)
}
