import { createBookingHandler } from '@/lib/booking/handler'
import { getEnv } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'
import { BOOKING_RATE_LIMIT, createRateLimiter } from '@/lib/rate-limit'

/**
 * POST /prenota/invio: the booking form's endpoint (see lib/booking/handler.ts).
 * Other methods get Next's 405. The limiter lives as long as this server process.
 */
const limiter = createRateLimiter(BOOKING_RATE_LIMIT)

export const POST = createBookingHandler({
  limiter,
  getPayload: getPayloadClient,
  getSecret: () => getEnv().payloadSecret,
  getSiteOrigin: () => getEnv().siteUrl,
})
