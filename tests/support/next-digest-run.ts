/**
 * Prints, as JSON, when Payload's scheduler would queue the next weekly review digest. Run by
 * tests/int/job-schedules.test.ts in a process of its own (the zone of a Jest test cannot be
 * changed: Jest gives each file a copy of process.env). With `--clinic-zone` the process first
 * adopts the clinic's zone, as the server's start-up does (instrumentation-node.ts).
 */
import { adoptClinicTimeZone } from '@/lib/jobs/time-zone'

if (process.argv.includes('--clinic-zone')) adoptClinicTimeZone()

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const { queued, skipped } = await payload.jobs.handleSchedules({ queue: 'default' })
const digest = [...queued, ...skipped].find((item) => item.taskConfig?.slug === 'reviewDigest')
console.log(JSON.stringify({ zone: process.env.TZ, waitUntil: digest?.waitUntil ?? null }))
await payload.destroy()
process.exit(0)
