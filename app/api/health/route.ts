import { createHealthHandler } from '@/lib/health'
import { getPayloadClient } from '@/lib/payload'

/**
 * GET /api/health for container health checks and load balancers (see lib/health.ts).
 * Beside Payload's catch-all `app/(payload)/api/[...slug]`: this static segment takes precedence.
 * Never prerendered or cached: every probe queries the database.
 */
export const dynamic = 'force-dynamic'

export const GET = createHealthHandler({ getPayload: getPayloadClient })
