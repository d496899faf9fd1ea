import { after } from 'next/server'

import { createBookingHandler } from '@/lib/booking/handler'
import { deliverBookingNotices } from '@/lib/booking/notify'
import { getEnv } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'
import { BOOKING_RATE_LIMIT, createRateLimiter } from '@/lib/rate-limit'

/**
 * POST /prenota/invio: the booking form's endpoint (see lib/booking/handler.ts).
 * Other methods get Next's 405. The limiter is shared by every instance through Redis when
 * REDIS_URL is set, else it lives as long as this server process (lib/rate-limit.ts).
 */
const limiter = createRateLimiter(BOOKING_RATE_LIMIT)

export const POST = createBookingHandler({
  limiter,
  getPayload: getPayloadClient,
  getSecret: () => getEnv().payloadSecret,
  getSiteOrigin: () => getEnv().siteUrl,
  notify: (payload, id) => deliverBookingNotices(payload, id),
  runAfterResponse: (task) => after(task),
})
