/**
 * Queues a scheduled publish/unpublish exactly as the admin's "Programma pubblicazione" drawer
 * does (Payload's schedulePublishHandler calls `payload.jobs.queue`), against the e2e server's
 * database. Run with `tsx --conditions=production`:
 *   queue-schedule.ts <publish|unpublish> <postId> <userEmail> <ISO date>
 */
import { getPayload } from 'payload'

import { isDocumentId } from '@/lib/ids'

const [type, postId, email, at] = process.argv.slice(2)
if ((type !== 'publish' && type !== 'unpublish') || !isDocumentId(postId) || !email || !at) {
  console.error('usage: queue-schedule.ts <publish|unpublish> <postId> <userEmail> <ISO date>')
  process.exit(2)
}

const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } } })
if (!docs[0]) throw new Error(`no user ${email}`)
const job = await payload.jobs.queue({
  task: 'schedulePublish',
  waitUntil: new Date(at),
  input: {
    type,
    doc: { relationTo: 'posts', value: postId },
    user: { relationTo: 'users', value: docs[0].id },
  },
})
console.log(JSON.stringify({ job: job.id }))
process.exit(0)
