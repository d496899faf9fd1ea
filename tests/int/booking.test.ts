import { beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '@/payload-types'
import { APPOINTMENT_REQUESTS_SLUG } from '@/lib/booking/constants'
import { parseBookingForm, type BookingRequestData } from '@/lib/booking/schema'
import { hashIp, storeBookingRequest } from '@/lib/booking/store'

import { createUser } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

// Requires the collection to be registered in payload.config.ts, with its migration.

const ctx = setupTestPayload()
let editor: User

const collection = APPOINTMENT_REQUESTS_SLUG

const validRequest = (submissionId: string): BookingRequestData => {
  const parsed = parseBookingForm({
    name: 'Maria Rossi',
    phone: '333 1234567',
    email: 'maria@example.it',
    preferredPeriod: 'pomeriggio',
    reason: 'Dolore al tallone da qualche settimana.',
    consent: 'on',
    submissionId,
  })
  if (!parsed.success || parsed.spam) throw new Error('the test request should be valid')
  return parsed.data
}

/** A complete document, as written by the booking service, for direct API writes. */
const documentData = (submissionId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Maria Rossi',
  phone: '333 1234567',
  preferredPeriod: 'mattina' as const,
  reason: 'Prova',
  consent: true,
  status: 'nuova' as const,
  submissionId,
  ...overrides,
})

const countBySubmission = async (submissionId: string) =>
  (await ctx.payload.count({ collection, where: { submissionId: { equals: submissionId } } }))
    .totalDocs

beforeAll(async () => {
  editor = await createUser(ctx.payload, 'redazione@test.it', 'editor', { name: 'R' })
}, 60_000)

describe('booking service', () => {
  it('stores a request once, even when the same submission arrives twice', async () => {
    const data = validRequest('7f1c2d3e-0000-4000-8000-000000000001')
    const ipHash = hashIp('203.0.113.7', 'integration-secret')

    expect(await storeBookingRequest(ctx.payload, data, { ipHash })).toEqual({
      created: true,
      id: expect.any(String),
    })
    expect(await storeBookingRequest(ctx.payload, data, { ipHash })).toEqual({ created: false })
    expect(await countBySubmission('7f1c2d3e-0000-4000-8000-000000000001')).toBe(1)

    const { docs } = await ctx.payload.find({
      collection,
      where: { submissionId: { equals: '7f1c2d3e-0000-4000-8000-000000000001' } },
    })
    expect(docs[0]).toMatchObject({
      name: 'Maria Rossi',
      preferredPeriod: 'pomeriggio',
      consent: true,
      status: 'nuova',
      ipHash,
    })
    expect(docs[0]?.consentAt).toEqual(expect.any(String))
  })

  it('stores exactly one document when two identical submissions race', async () => {
    const data = validRequest('7f1c2d3e-0000-4000-8000-000000000002')
    const results = await Promise.all([
      storeBookingRequest(ctx.payload, data),
      storeBookingRequest(ctx.payload, data),
      storeBookingRequest(ctx.payload, data),
    ])
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect(await countBySubmission('7f1c2d3e-0000-4000-8000-000000000002')).toBe(1)
  })

  it('refuses, at the database level too, a duplicate submission id', async () => {
    const data = validRequest('7f1c2d3e-0000-4000-8000-000000000003')
    await storeBookingRequest(ctx.payload, data)
    await expect(
      ctx.payload.create({
        collection,
        data: documentData(data.submissionId ?? ''),
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('requires a phone number or an e-mail address and the consent on every write', async () => {
    await expect(
      ctx.payload.create({
        collection,
        data: documentData('7f1c2d3e-0000-4000-8000-000000000004', { phone: undefined }),
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      ctx.payload.create({
        collection,
        data: documentData('7f1c2d3e-0000-4000-8000-000000000005', { consent: false }),
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('access', () => {
  let requestId: string

  beforeAll(async () => {
    await storeBookingRequest(ctx.payload, validRequest('7f1c2d3e-0000-4000-8000-000000000010'))
    const { docs } = await ctx.payload.find({
      collection,
      where: { submissionId: { equals: '7f1c2d3e-0000-4000-8000-000000000010' } },
    })
    requestId = docs[0]!.id
  })

  it('lets staff read the requests and change their status, and nothing else', async () => {
    const { docs } = await ctx.payload.find({ collection, user: editor, overrideAccess: false })
    expect(docs.map((doc) => doc.id)).toContain(requestId)

    const found = await ctx.payload.findByID({
      collection,
      id: requestId,
      user: editor,
      overrideAccess: false,
    })
    expect(found.name).toBe('Maria Rossi')

    const updated = await ctx.payload.update({
      collection,
      id: requestId,
      data: { status: 'contattato', name: 'Nome cambiato', consent: false },
      user: editor,
      overrideAccess: false,
    })
    expect(updated).toMatchObject({ status: 'contattato', name: 'Maria Rossi', consent: true })
  })

  it('refuses anonymous reads, in lists and by id', async () => {
    await expect(ctx.payload.find({ collection, overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      ctx.payload.findByID({ collection, id: requestId, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('refuses creation through the API, to visitors and to staff', async () => {
    const data = documentData('7f1c2d3e-0000-4000-8000-000000000011')
    await expect(
      ctx.payload.create({ collection, data, overrideAccess: false }),
    ).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      ctx.payload.create({ collection, data, user: editor, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await countBySubmission('7f1c2d3e-0000-4000-8000-000000000011')).toBe(0)
  })

  it('refuses anonymous updates and deletions', async () => {
    await expect(
      ctx.payload.update({
        collection,
        id: requestId,
        data: { status: 'chiusa' },
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      ctx.payload.delete({ collection, id: requestId, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets staff delete a request (right to erasure)', async () => {
    await ctx.payload.delete({ collection, id: requestId, user: editor, overrideAccess: false })
    expect(await countBySubmission('7f1c2d3e-0000-4000-8000-000000000010')).toBe(0)
  })
})
