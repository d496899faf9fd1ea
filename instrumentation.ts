/**
 * Runs once when the Next.js server starts (`next start` and `next dev`): starts the in-process
 * runner of the jobs queue, which carries out scheduled publish and unpublish.
 * Not during `next build`, and not in the edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return

  const { getEnv } = await import('./lib/env')
  const { serverOrigin, startJobRunner } = await import('./lib/jobs/runner')
  const env = getEnv()
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
  })
  console.info(
    `Job runner: scheduled publishing checked every ${env.jobRunner.intervalSeconds} s.`,
  )
}
