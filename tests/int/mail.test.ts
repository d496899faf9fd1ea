import { beforeAll, describe, expect, it } from '@jest/globals'

import { APPOINTMENT_REQUESTS_SLUG } from '@/lib/booking/constants'
import { createBookingHandler } from '@/lib/booking/handler'
import { deliverBookingNotices, deliverPendingNotices } from '@/lib/booking/notify'
import { createMemoryRateLimiter } from '@/lib/rate-limit'
import type { AppointmentRequest } from '@/payload-types'

import type { ReceivedMail } from '../support/smtp-server'
import { smtpForThisFile } from './helpers/smtp'
import { createUser } from './helpers/fixtures'
import { restLogin, setupRestPayload } from './helpers/rest'

/*
 * Outgoing e-mail against a real SMTP server on loopback: password reset, invitations, the
 * notices of a new appointment request, and what happens while the mail server is down.
 */

// Before the test Payload starts: its config reads SMTP_* when it is imported.
const mail = smtpForThisFile()

const ctx = setupRestPayload()
const SITE_URL = 'http://localhost:3999'
const NEW_PASSWORD = 'Caviglia-Robusta-2026!'
const REASON = 'Dolore al tallone sinistro da tre settimane, diabete di tipo 2'
const HEALTH_WORDS = ['tallone', 'diabete', 'dolore', 'motivo']

const clinicData = {
  name: 'Clinica Piede Test',
  email: 'info@clinica.test',
  phone: '02 1234567',
  address: { street: 'Via Roma 1', postalCode: '20100', city: 'Milano', province: 'MI' },
}

beforeAll(async () => {
  await ctx.payload.updateGlobal({ slug: 'clinic', data: clinicData })
})

const everything = (message: ReceivedMail) =>
  `${message.subject}\n${message.text}\n${message.html}\n${message.raw}`.toLowerCase()

const expectNoHealthData = (messages: ReceivedMail[]) => {
  expect(messages.length).toBeGreaterThan(0)
  for (const message of messages) {
    for (const word of HEALTH_WORDS) expect(everything(message)).not.toContain(word)
  }
}

const resetLinkIn = (text: string) => {
  const match = new RegExp(`${SITE_URL}/admin/reset/([a-f0-9]{40})`).exec(text)
  if (!match?.[1]) throw new Error(`no reset link in:\n${text}`)
  return match[1]
}

describe('password reset', () => {
  it('e-mails an Italian message whose link sets a new password', async () => {
    mail.server.clear()
    const user = await createUser(ctx.payload, 'dimentica@test.it', 'editor', { name: 'Giulia' })
    const { status } = await ctx.rest('POST', '/users/forgot-password', {
      json: { email: 'dimentica@test.it' },
    })
    expect(status).toBe(200)
    const [message] = await mail.server.waitFor(1)
    expect(message?.to).toEqual(['dimentica@test.it'])
    expect(message?.from).toBe('"Clinica Test" <noreply@clinica.test>')
    expect(message?.subject).toBe('Reimposta la password – Clinica Piede Test')
    expect(message?.text).toContain('Gentile Giulia,')
    expect(message?.text).toContain('Il collegamento vale 60 minuti')
    expect(message?.text).toContain('Tel. 02 1234567')
    expect(message?.html).toContain('Scegli una nuova password')

    const token = resetLinkIn(message!.text)
    expect(message?.html).toContain(`${SITE_URL}/admin/reset/${token}`)
    const reset = await ctx.rest('POST', '/users/reset-password', {
      json: { token, password: NEW_PASSWORD },
    })
    expect(reset.status).toBe(200)
    await expect(restLogin(ctx.rest, user.email, NEW_PASSWORD)).resolves.toMatchObject({
      token: expect.any(String),
    })
    // Single use.
    const again = await ctx.rest('POST', '/users/reset-password', {
      json: { token, password: 'Un-Altra-Password-2026!' },
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
  })

  it('sends nothing for an unknown address, with the same answer', async () => {
    mail.server.clear()
    const { status } = await ctx.rest('POST', '/users/forgot-password', {
      json: { email: 'nessuno@test.it' },
    })
    expect(status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(mail.server.messages).toHaveLength(0)
  })
})

describe('invitations', () => {
  it('lets an admin invite a new account, whose owner chooses the password', async () => {
    mail.server.clear()
    const created = await ctx.rest('POST', '/users', {
      token: ctx.team.tokens.admin,
      json: {
        email: 'nuova.redattrice@test.it',
        name: 'Sara',
        role: 'editor',
        password: 'Provvisoria-Lunga-2026!',
      },
    })
    expect(created.status).toBe(201)
    const id = String((created.body.doc as { id: string }).id)

    const invite = await ctx.rest('POST', `/users/${id}/invite`, { token: ctx.team.tokens.admin })
    expect(invite.status).toBe(200)
    const [message] = await mail.server.waitFor(1)
    expect(message?.to).toEqual(['nuova.redattrice@test.it'])
    expect(message?.subject).toBe('Invito all’area riservata – Clinica Piede Test')
    expect(message?.text).toContain('Gentile Sara,')
    expect(message?.text).toContain('admin ti ha creato un account')
    expect(message?.text).toContain('Il collegamento vale 7 giorni')

    const token = resetLinkIn(message!.text)
    const reset = await ctx.rest('POST', '/users/reset-password', {
      json: { token, password: NEW_PASSWORD },
    })
    expect(reset.status).toBe(200)
    await expect(
      restLogin(ctx.rest, 'nuova.redattrice@test.it', NEW_PASSWORD),
    ).resolves.toMatchObject({ token: expect.any(String) })
  })

  it('keeps the password rules on the invitation link', async () => {
    mail.server.clear()
    const user = await createUser(ctx.payload, 'invitato@test.it', 'author', { name: 'Luca' })
    expect(
      (await ctx.rest('POST', `/users/${user.id}/invite`, { token: ctx.team.tokens.admin })).status,
    ).toBe(200)
    const [message] = await mail.server.waitFor(1)
    const weak = await ctx.rest('POST', '/users/reset-password', {
      json: { token: resetLinkIn(message!.text), password: 'password' },
    })
    expect(weak.status).toBe(400)
  })

  it('refuses invitations from anyone but admins', async () => {
    const user = await createUser(ctx.payload, 'altro@test.it', 'author', { name: 'Altro' })
    for (const role of ['editor', 'author', 'anonymous'] as const) {
      const { status } = await ctx.rest('POST', `/users/${user.id}/invite`, {
        token: ctx.team.tokens[role],
      })
      expect(status).toBe(403)
    }
  })
})

describe('appointment request notices', () => {
  const pending: Promise<unknown>[] = []
  const handler = () =>
    createBookingHandler({
      limiter: createMemoryRateLimiter({ limit: 100, windowMs: 60_000 }),
      getPayload: async () => ctx.payload,
      getSecret: () => 'integration-secret',
      getSiteOrigin: () => SITE_URL,
      notify: (payload, id) => deliverBookingNotices(payload, id),
      runAfterResponse: (task) => void pending.push(task()),
      logError: () => undefined,
    })
  const book = async (submissionId: string, overrides: Record<string, string> = {}) => {
    const response = await handler()(
      new Request(`${SITE_URL}/prenota/invio`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: SITE_URL },
        body: JSON.stringify({
          name: 'Maria Rossi',
          phone: '333 1234567',
          email: 'maria.rossi@example.it',
          preferredPeriod: 'pomeriggio',
          reason: REASON,
          consent: 'on',
          submissionId,
          ...overrides,
        }),
      }),
    )
    await Promise.all(pending.splice(0))
    const { docs } = await ctx.payload.find({
      collection: APPOINTMENT_REQUESTS_SLUG,
      where: { submissionId: { equals: submissionId } },
    })
    return { status: response.status, request: docs[0] as AppointmentRequest }
  }

  it('notifies the booking address and confirms to the patient, without health data', async () => {
    await ctx.payload.updateGlobal({
      slug: 'clinic',
      data: { bookingEmail: 'prenotazioni@clinica.test' },
    })
    mail.server.clear()
    const { status, request } = await book('a1b2c3d4-0000-4000-8000-000000000001')
    expect(status).toBe(201)
    await mail.server.waitFor(2)

    const [notice] = mail.server.to('prenotazioni@clinica.test')
    expect(notice?.subject).toBe('Nuova richiesta di appuntamento: Maria Rossi')
    expect(notice?.text).toContain('Nome: Maria Rossi')
    expect(notice?.text).toContain('Telefono: 333 1234567')
    expect(notice?.text).toContain('E-mail: maria.rossi@example.it')
    expect(notice?.text).toContain('Fascia oraria preferita: Pomeriggio')
    expect(notice?.text).toContain(
      `${SITE_URL}/admin/collections/appointment-requests/${request.id}`,
    )
    expect(notice?.replyTo).toBe('maria.rossi@example.it')

    const [receipt] = mail.server.to('maria.rossi@example.it')
    expect(receipt?.subject).toBe('Abbiamo ricevuto la tua richiesta – Clinica Piede Test')
    expect(receipt?.text).toContain('Gentile Maria Rossi,')
    expect(receipt?.text).toContain('chiamaci al 02 1234567')
    expect(mail.server.messages).toHaveLength(2)
    expectNoHealthData(mail.server.messages)

    expect(request.reason).toBe(REASON)
    expect(request.delivery).toMatchObject({
      status: 'inviata',
      attempts: 0,
      clinicNotifiedAt: expect.any(String),
      patientConfirmedAt: expect.any(String),
    })
  })

  it('falls back to the clinic’s e-mail and sends no receipt without a patient e-mail', async () => {
    await ctx.payload.updateGlobal({ slug: 'clinic', data: { bookingEmail: null } })
    mail.server.clear()
    const { request } = await book('a1b2c3d4-0000-4000-8000-000000000002', { email: '' })
    await mail.server.waitFor(1)
    expect(mail.server.messages.map((message) => message.to)).toEqual([['info@clinica.test']])
    expectNoHealthData(mail.server.messages)
    expect(request.delivery?.status).toBe('inviata')
    expect(request.delivery?.patientConfirmedAt ?? null).toBeNull()
  })

  it('keeps the request through an SMTP outage and sends it on retry', async () => {
    mail.server.clear()
    mail.server.failing = true
    const { status, request } = await book('a1b2c3d4-0000-4000-8000-000000000003')
    expect(status).toBe(201)
    expect(request.name).toBe('Maria Rossi')
    expect(request.delivery).toMatchObject({
      status: 'da_ritentare',
      attempts: 1,
      lastError: expect.stringMatching(/SMTP 451/),
      nextAttemptAt: expect.any(String),
    })
    expect(mail.server.messages).toHaveLength(0)

    // Still down at the first retry.
    const later = new Date(Date.parse(request.delivery!.nextAttemptAt!) + 1000)
    expect(await deliverPendingNotices(ctx.payload, later)).toEqual({ tried: 1, sent: 0 })

    // Back up: the queued task (what the runner's call to /api/payload-jobs/run runs) sends it.
    mail.server.failing = false
    await ctx.payload.update({
      collection: APPOINTMENT_REQUESTS_SLUG,
      id: request.id,
      data: { delivery: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() } },
      context: { bookingDelivery: true },
    })
    await ctx.payload.jobs.queue({ task: 'sendBookingNotices', input: {}, queue: 'default' })
    const run = await ctx.rest('GET', '/payload-jobs/run?queue=default&silent=true', {
      token: ctx.team.tokens.editor,
    })
    expect(run.status).toBe(200)
    await mail.server.waitFor(2)
    expect(mail.server.messages.map((message) => message.to[0]).sort()).toEqual([
      'info@clinica.test',
      'maria.rossi@example.it',
    ])
    expectNoHealthData(mail.server.messages)
    const after = await ctx.payload.findByID({
      collection: APPOINTMENT_REQUESTS_SLUG,
      id: request.id,
    })
    expect(after.delivery).toMatchObject({ status: 'inviata', attempts: 2, lastError: null })

    // The same call queued the scheduled tasks for their next run.
    const { docs: scheduled } = await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { in: ['sendBookingNotices', 'purgeClosedRequests'] } },
    })
    expect(scheduled.map((job) => job.taskSlug).sort()).toEqual([
      'purgeClosedRequests',
      'sendBookingNotices',
    ])
  })
})

describe('clinic addresses', () => {
  it('refuses an invalid e-mail address on save', async () => {
    for (const data of [{ bookingEmail: 'prenotazioni(at)clinica' }, { email: 'info@' }]) {
      const { status } = await ctx.rest('POST', '/globals/clinic', {
        token: ctx.team.tokens.admin,
        json: data,
      })
      expect(status).toBe(400)
    }
    const ok = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens.admin,
      json: { bookingEmail: 'agenda@clinica.test' },
    })
    expect(ok.status).toBe(200)
  })
})
