import { describe, expect, it } from '@jest/globals'

import { APPOINTMENT_REQUESTS_SLUG } from '@/lib/booking/constants'
import { getNewRequestsSummary } from '@/lib/booking/pending'
import { purgeClosedRequests } from '@/lib/booking/retention'
import { storeBookingRequest } from '@/lib/booking/store'
import type { AppointmentRequest } from '@/payload-types'

import { setupRestPayload } from './helpers/rest'

/* The requests' statuses, who handled them, their retention and the patient's data export. */

const ctx = setupRestPayload()
const collection = APPOINTMENT_REQUESTS_SLUG
const DAY = 86_400_000
let counter = 0

const newRequest = async (reason = 'Alluce valgo doloroso') => {
  counter += 1
  const stored = await storeBookingRequest(ctx.payload, {
    name: `Paziente ${counter}`,
    phone: '333 1234567',
    preferredPeriod: 'mattina',
    reason,
    consent: true,
    submissionId: `b0000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
  })
  if (!stored.created) throw new Error('not stored')
  return stored.id
}

const patch = (id: string, role: 'admin' | 'editor', json: Record<string, unknown>) =>
  ctx.rest('PATCH', `/${collection}/${id}`, { token: ctx.team.tokens[role], json })

const read = (id: string) =>
  ctx.payload.findByID({ collection, id, depth: 0 }) as Promise<AppointmentRequest>

/** Backdates the system dates, as time passing would. */
const backdate = (id: string, data: Partial<AppointmentRequest>) =>
  ctx.payload.update({ collection, id, data, context: { bookingDelivery: true } })

describe('request lifecycle', () => {
  it('records who moved a request and when; closing starts the retention period', async () => {
    const id = await newRequest()
    expect(await read(id)).toMatchObject({ status: 'nuova', handledBy: null, closedAt: null })

    const contacted = await patch(id, 'editor', { status: 'contattato' })
    expect(contacted.status).toBe(200)
    let doc = await read(id)
    expect(doc.handledBy).toBe(ctx.team.users.editor.id)
    expect(Date.now() - Date.parse(doc.handledAt!)).toBeLessThan(10_000)
    expect(doc.closedAt ?? null).toBeNull()

    expect((await patch(id, 'admin', { status: 'chiusa' })).status).toBe(200)
    doc = await read(id)
    expect(doc).toMatchObject({ status: 'chiusa', handledBy: ctx.team.users.admin.id })
    expect(doc.closedAt).toEqual(expect.any(String))
  })

  it('refuses going back, and ignores forged system fields', async () => {
    const id = await newRequest()
    expect((await patch(id, 'editor', { status: 'annullata' })).status).toBe(200)
    const back = await patch(id, 'editor', { status: 'nuova' })
    expect(back.status).toBe(400)
    expect(JSON.stringify(back.body)).toContain('non può diventare')

    const other = await newRequest()
    await patch(other, 'editor', {
      handledBy: ctx.team.users.admin.id,
      closedAt: '2020-01-01T00:00:00.000Z',
      delivery: { status: 'inviata' },
    })
    expect(await read(other)).toMatchObject({
      status: 'nuova',
      handledBy: null,
      closedAt: null,
      delivery: { status: 'in_coda' },
    })
  })

  it('filters the list by status; only admins and editors see it', async () => {
    const closed = await newRequest()
    await patch(closed, 'editor', { status: 'chiusa' })
    const { status, body } = await ctx.rest(
      'GET',
      `/${collection}?where[status][equals]=chiusa&limit=100&depth=0`,
      { token: ctx.team.tokens.editor },
    )
    expect(status).toBe(200)
    const docs = body.docs as AppointmentRequest[]
    expect(docs.map((doc) => doc.id)).toContain(closed)
    expect(docs.every((doc) => doc.status === 'chiusa')).toBe(true)
    for (const role of ['author', 'reviewer', 'anonymous'] as const) {
      const denied = await ctx.rest('GET', `/${collection}?where[status][equals]=chiusa`, {
        token: ctx.team.tokens[role],
      })
      expect(denied.status === 403 || (denied.body.docs as unknown[]).length === 0).toBe(true)
    }
  })

  it('summarises the new requests for the dashboard', async () => {
    const id = await newRequest()
    await backdate(id, { createdAt: new Date(Date.now() - 50 * 3_600_000).toISOString() })
    const summary = await getNewRequestsSummary(ctx.payload)
    const { totalDocs } = await ctx.payload.count({
      collection,
      where: { status: { equals: 'nuova' } },
    })
    expect(summary.count).toBe(totalDocs)
    expect(summary.oldestAgeHours).toBe(50)
  })
})

describe('retention', () => {
  it('deletes requests closed longer ago than the period, and keeps the others', async () => {
    await ctx.payload.updateGlobal({
      slug: 'clinic',
      data: { name: 'Clinica Test', requestRetentionDays: 30 },
    })
    const oldClosed = await newRequest()
    const oldCancelled = await newRequest()
    const recentClosed = await newRequest()
    const oldOpen = await newRequest()
    await patch(oldClosed, 'editor', { status: 'chiusa' })
    await patch(oldCancelled, 'editor', { status: 'annullata' })
    await patch(recentClosed, 'editor', { status: 'chiusa' })
    const longAgo = new Date(Date.now() - 31 * DAY).toISOString()
    await backdate(oldClosed, { closedAt: longAgo })
    await backdate(oldCancelled, { closedAt: longAgo })
    await backdate(recentClosed, { closedAt: new Date(Date.now() - 29 * DAY).toISOString() })
    await backdate(oldOpen, { createdAt: new Date(Date.now() - 400 * DAY).toISOString() })

    const result = await purgeClosedRequests(ctx.payload)
    expect(result).toMatchObject({ retentionDays: 30 })
    const remaining = new Set(
      (await ctx.payload.find({ collection, limit: 0, pagination: false })).docs.map(
        (doc) => doc.id,
      ),
    )
    expect(remaining.has(oldClosed)).toBe(false)
    expect(remaining.has(oldCancelled)).toBe(false)
    expect(remaining.has(recentClosed)).toBe(true)
    expect(remaining.has(oldOpen)).toBe(true)
  })

  it('refuses a retention period out of range', async () => {
    const { status } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.admin,
      json: { requestRetentionDays: 0 },
    })
    expect(status).toBe(400)
  })
})

describe('data export', () => {
  it('gives an admin one request’s data as a JSON download', async () => {
    const id = await newRequest('Neuroma di Morton')
    const response = await ctx.rest('GET', `/${collection}/${id}/export`, {
      token: ctx.team.tokens.admin,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="richiesta-${id}.json"`,
    )
    expect(response.body.richiesta).toMatchObject({
      id,
      motivoDellaVisita: 'Neuroma di Morton',
      telefono: '333 1234567',
      stato: 'nuova',
      consenso: true,
    })
  })

  it('refuses everyone else', async () => {
    const id = await newRequest()
    for (const role of ['editor', 'author', 'reviewer', 'anonymous'] as const) {
      const { status } = await ctx.rest('GET', `/${collection}/${id}/export`, {
        token: ctx.team.tokens[role],
      })
      expect(status).toBe(403)
    }
  })
})
