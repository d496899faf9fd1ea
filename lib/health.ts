import type { Payload } from 'payload'

/**
 * GET /api/health: is this instance able to serve content? It runs one short, real query
 * through Payload (the same adapter and connection the pages use, SQLite or MongoDB alike) and
 * answers 200 `{"status":"ok"}`, or 503 `{"status":"error","reason":"…"}`. For container
 * health checks and load balancers, which must not hit cached pages to decide.
 *
 * The reason is for operators reading a probe's output: short, English, and built only from
 * fixed phrases and an error code (e.g. `SQLITE_NOTADB`, `ECONNREFUSED`). Driver messages are
 * never echoed: they can carry SQL, file paths or a connection string. The full error goes to
 * the server log.
 */

/** Longer than a healthy query ever takes, shorter than the health check's own timeout. */
export const HEALTH_TIMEOUT_MS = 3000

export type HealthBody = { status: 'ok' } | { status: 'error'; reason: string }

export type HealthDeps = {
  getPayload: () => Promise<Payload>
  timeoutMs?: number
  /** Where the full error goes (stack included); the response only carries its code. */
  logError?: (message: string, error: unknown) => void
}

/** The smallest query that proves the database answers: no rows come back, only a count. */
export async function probeDatabase(payload: Payload): Promise<void> {
  // No user here, and only a number is read: access control has nothing to protect.
  await payload.count({ collection: 'categories', overrideAccess: true })
}

/** Codes are upper-case identifiers (SQLITE_CANTOPEN, ECONNREFUSED): safe to show. */
const SAFE_CODE = /^[A-Z][A-Z0-9_]{2,40}$/

/** The first error code found along the error's `cause` chain, if it looks like one. */
export function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string' && SAFE_CODE.test(code)) return code
    current = cause
  }
  return undefined
}

class HealthTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), timeoutMs)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Payload marks errors thrown while it starts (connecting, applying migrations). */
const isInitError = (error: unknown) =>
  typeof error === 'object' && error !== null && 'payloadInitError' in error

export function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof HealthTimeout) return `database did not answer within ${timeoutMs} ms`
  const code = errorCode(error)
  const suffix = code ? ` (${code})` : ''
  return isInitError(error)
    ? `database unavailable: Payload could not connect${suffix}`
    : `database query failed${suffix}`
}

export async function checkHealth({
  getPayload,
  timeoutMs = HEALTH_TIMEOUT_MS,
  logError = (message, error) => console.error(message, error),
}: HealthDeps): Promise<HealthBody> {
  const probe = (async () => probeDatabase(await getPayload()))()
  try {
    await withTimeout(probe, timeoutMs)
    return { status: 'ok' }
  } catch (error) {
    // A late failure of the abandoned probe must not become an unhandled rejection.
    probe.catch(() => undefined)
    const reason = failureReason(error, timeoutMs)
    logError(`Health check failed: ${reason}`, error)
    return { status: 'error', reason }
  }
}

export function createHealthHandler(deps: HealthDeps): () => Promise<Response> {
  return async () => {
    const body = await checkHealth(deps)
    return Response.json(body, {
      status: body.status === 'ok' ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
    })
  }
}
