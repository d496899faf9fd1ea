import type { TaskConfig } from 'payload'

import { deliverPendingNotices } from './notify'
import { purgeClosedRequests } from './retention'

/**
 * Scheduled tasks of the appointment requests. Queued by Payload's scheduler on the `default`
 * queue, which the in-process runner (lib/jobs/runner.ts) runs: its call to
 * /api/payload-jobs/run handles the schedules first, then runs what is due.
 */
export const bookingTasks: TaskConfig[] = [
  {
    slug: 'sendBookingNotices',
    label: 'Avvisi delle richieste di appuntamento (nuovi tentativi)',
    // Failures are recorded per request and retried by the next sweep, not by the job.
    retries: 0,
    schedule: [{ cron: '* * * * *', queue: 'default' }],
    handler: async ({ req }) => {
      await deliverPendingNotices(req.payload)
      return { output: {} }
    },
  },
  {
    slug: 'purgeClosedRequests',
    label: 'Cancellazione delle richieste chiuse (conservazione)',
    retries: 2,
    schedule: [{ cron: '17 3 * * *', queue: 'default' }],
    handler: async ({ req }) => {
      await purgeClosedRequests(req.payload)
      return { output: {} }
    },
  },
]
