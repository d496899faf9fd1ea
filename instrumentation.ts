/**
 * Next's start hook. The server's start-up (configuration, database check and lock, client
 * address guard, Redis, job runner) lives in instrumentation-node.ts: imported only inside the
 * Node.js branch, so the edge compile of this file never sees Node APIs (`next dev` warned about
 * them on every compile otherwise). Nothing runs during `next build`.
 */
export async function register(): Promise<void> {
  if (
    process.env.NEXT_RUNTIME === 'nodejs' &&
    process.env.NEXT_PHASE !== 'phase-production-build'
  ) {
    const { startNodeServer } = await import('./instrumentation-node')
    await startNodeServer()
  }
}
