import { beforeAll, describe, expect, it } from '@jest/globals'

import { getDashboardData } from '@/lib/dashboard/data'
import { sendReviewDigest } from '@/lib/editorial/digest'
import type { Post, User } from '@/payload-types'

import { smtpForThisFile } from './helpers/smtp'
import { createUser, paragraphBody, QUIET, TEST_PASSWORD } from './helpers/fixtures'
import { restLogin, setupRestPayload } from './helpers/rest'

/*
 * Editorial notifications against a real SMTP server: the "Richiedi revisione medica" request,
 * the weekly digest of expiring reviews, and the dashboard's counts per role. The tests run in
 * order on one database: each builds on what the previous ones stored.
 */

// Before the test Payload starts: its config reads SMTP_* when it is imported.
const mail = smtpForThisFile()

const ctx = setupRestPayload()
const SITE_URL = 'http://localhost:3999'
const DAY = 86_400_000
let secondReviewer: User

beforeAll(async () => {
  secondReviewer = await createUser(ctx.payload, 'revisore2@test.it', 'reviewer', {
    name: 'Marco Bianchi',
  })
})

const draftBy = (user: User | null, title: string) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    data: { title, slug: '', content: paragraphBody(`Testo di ${title}.`), _status: 'draft' },
    ...(user ? { user, overrideAccess: false } : {}),
  })

const published = (title: string, lastReviewedAt: Date) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    data: {
      title,
      slug: '',
      content: paragraphBody(`Testo di ${title}.`),
      lastReviewedAt: lastReviewedAt.toISOString(),
      _status: 'published',
    },
  })

const latest = (id: string) =>
  ctx.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 }) as Promise<Post>

const requestReview = (id: string, role: keyof typeof ctx.team.tokens) =>
  ctx.rest('POST', `/posts/${id}/request-review`, { token: ctx.team.tokens[role] })

let authorDraft: Post
let otherDraft: Post
let expiringSoon: Post
let expired: Post
let stillValid: Post
let oldDraft: Post

describe('weekly digest of expiring reviews', () => {
  it('sends nothing when no published review expires within 30 days', async () => {
    mail.server.clear()
    await published('Revisione recente', new Date(Date.now() - 30 * DAY)).then((post) => {
      stillValid = post
    })
    const result = await sendReviewDigest(ctx.payload)
    expect(result).toEqual({ articles: 0, sentTo: [], failed: [] })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(mail.server.messages).toHaveLength(0)
  })

  it('lists exactly the expired and expiring published articles to editors and admins', async () => {
    mail.server.clear()
    expiringSoon = await published('Revisione in scadenza', new Date(Date.now() - 350 * DAY))
    expired = await published('Revisione scaduta', new Date(Date.now() - 400 * DAY))
    oldDraft = await draftBy(null, 'Bozza con revisione vecchia')
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: oldDraft.id,
      data: { lastReviewedAt: new Date(Date.now() - 400 * DAY).toISOString() },
    })

    const result = await sendReviewDigest(ctx.payload)
    expect(result.articles).toBe(2)
    expect(result.sentTo.sort()).toEqual(['admin@test.it', 'editor@test.it'])
    const messages = await mail.server.waitFor(2)
    expect(messages.flatMap((message) => message.to).sort()).toEqual([
      'admin@test.it',
      'editor@test.it',
    ])
    for (const message of messages) {
      expect(message.subject).toBe('Revisioni mediche in scadenza: 2 articoli')
      expect(message.text).toContain(`Revisione in scadenza (revisione valida fino al`)
      expect(message.text).toContain(`${SITE_URL}/admin/collections/posts/${expiringSoon.id}`)
      expect(message.text).toContain(`Revisione scaduta (revisione scaduta)`)
      expect(message.text).toContain(`${SITE_URL}/admin/collections/posts/${expired.id}`)
      expect(message.text).not.toContain('Revisione recente')
      expect(message.text).not.toContain('Bozza con revisione vecchia')
    }
  })
})

describe('"Richiedi revisione medica"', () => {
  beforeAll(async () => {
    authorDraft = await draftBy(ctx.team.users.author, 'Bozza dell’autore')
  })

  it('e-mails every reviewer, and only them, the preview and edit links', async () => {
    mail.server.clear()
    const { status, body } = await requestReview(authorDraft.id, 'author')
    expect(status).toBe(200)
    expect(body).toMatchObject({ notified: 2, failed: 0 })
    const messages = await mail.server.waitFor(2)
    expect(messages.flatMap((message) => message.to).sort()).toEqual([
      'reviewer@test.it',
      'revisore2@test.it',
    ])
    for (const message of messages) {
      expect(message.subject).toBe('Revisione medica richiesta: Bozza dell’autore')
      expect(message.text).toContain('author chiede la tua revisione medica')
      expect(message.text).toContain(`${SITE_URL}/anteprima/articoli/${authorDraft.id}`)
      expect(message.text).toContain(`${SITE_URL}/admin/collections/posts/${authorDraft.id}`)
    }
    expect(mail.server.to(secondReviewer.email)[0]?.text).toContain('Gentile Marco Bianchi,')

    const stored = await latest(authorDraft.id)
    expect(stored.reviewRequestedAt).toBe(body.requestedAt)
    expect(stored.reviewRequestedBy).toBe(ctx.team.users.author.id)
    expect(stored._status).toBe('draft')
  })

  it('is refused for another author’s post, reviewers and anonymous visitors', async () => {
    mail.server.clear()
    const otherAuthor = await restLogin(ctx.rest, 'otherAuthor@test.it', TEST_PASSWORD)
    for (const [who, token] of [
      ['otherAuthor', otherAuthor.token],
      ['reviewer', ctx.team.tokens.reviewer],
      ['anonymous', undefined],
    ] as const) {
      const { status } = await ctx.rest('POST', `/posts/${authorDraft.id}/request-review`, {
        token,
      })
      expect([who, status]).toEqual([who, 403])
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(mail.server.messages).toHaveLength(0)
  })

  it('is not shown to anonymous readers of a published article', async () => {
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: expired.id,
      data: { reviewRequestedAt: new Date().toISOString() },
      context: { postsRecordingReviewRequest: true, disableRevalidate: true },
    })
    const staff = await ctx.rest('GET', `/posts/${expired.id}?depth=0`, {
      token: ctx.team.tokens.editor,
    })
    expect(staff.body.reviewRequestedAt).toEqual(expect.any(String))
    const anonymous = await ctx.rest('GET', `/posts/${expired.id}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(Object.keys(anonymous.body)).not.toContain('reviewRequestedAt')
    expect(Object.keys(anonymous.body)).not.toContain('reviewRequestedBy')
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: expired.id,
      data: { reviewRequestedAt: null },
      context: { postsRecordingReviewRequest: true, disableRevalidate: true },
    })
  })

  it('lets editors ask too, and 404s for an unknown post', async () => {
    mail.server.clear()
    expect((await requestReview(authorDraft.id, 'editor')).status).toBe(200)
    await mail.server.waitFor(2)
    const missing = await requestReview('00000000-0000-4000-8000-000000000000', 'editor')
    expect(missing.status).toBe(404)
  })

  it('cannot be set or cleared through an ordinary save', async () => {
    const before = await latest(authorDraft.id)
    const { status } = await ctx.rest('PATCH', `/posts/${authorDraft.id}?draft=true`, {
      token: ctx.team.tokens.author,
      json: { reviewRequestedAt: null, title: 'Bozza dell’autore' },
    })
    expect(status).toBe(200)
    expect((await latest(authorDraft.id)).reviewRequestedAt).toBe(before.reviewRequestedAt)
  })

  it('is closed when a reviewer signs the review, and can be asked again', async () => {
    const signed = await ctx.rest('PATCH', `/posts/${authorDraft.id}?draft=true`, {
      token: ctx.team.tokens.reviewer,
      json: { markReviewed: true },
    })
    expect(signed.status).toBe(200)
    const after = await latest(authorDraft.id)
    expect(after.lastReviewedAt).toEqual(expect.any(String))
    expect(after.reviewRequestedAt ?? null).toBeNull()

    mail.server.clear()
    expect((await requestReview(authorDraft.id, 'author')).status).toBe(200)
    await mail.server.waitFor(2)
    expect((await latest(authorDraft.id)).reviewRequestedAt).toEqual(expect.any(String))
  })
})

describe('dashboard data per role', () => {
  beforeAll(async () => {
    otherDraft = await draftBy(ctx.team.users.otherAuthor, 'Bozza dell’altro autore')
    mail.server.clear()
    const otherAuthor = await restLogin(ctx.rest, 'otherAuthor@test.it', TEST_PASSWORD)
    const asked = await ctx.rest('POST', `/posts/${otherDraft.id}/request-review`, {
      token: otherAuthor.token,
    })
    expect(asked.status).toBe(200)
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 3 * DAY),
      input: {
        type: 'publish',
        doc: { relationTo: 'posts', value: oldDraft.id },
        user: { relationTo: 'users', value: ctx.team.users.editor.id },
      },
    })
  })

  it('shows authors their own drafts and pending review requests only', async () => {
    const data = await getDashboardData(ctx.payload, ctx.team.users.author)
    expect(data.myDrafts?.count).toBe(1)
    expect(data.awaitingReview?.count).toBe(1)
    expect(data.newRequests).toBeUndefined()
    expect(data.expiringReviews).toBeUndefined()
    expect(data.scheduled).toBeUndefined()
    expect(data.awaitingReview?.href).toContain('/admin/collections/posts?')
    expect(decodeURIComponent(data.awaitingReview!.href)).toContain(
      `where[and][0][createdBy][equals]=${ctx.team.users.author.id}`,
    )
  })

  it('shows reviewers their queue: every draft awaiting review', async () => {
    const data = await getDashboardData(ctx.payload, ctx.team.users.reviewer)
    expect(data).toEqual({
      role: 'reviewer',
      awaitingReview: {
        count: 2,
        href: '/admin/collections/posts?where[reviewRequestedAt][exists]=true',
      },
    })
  })

  it('shows editors and admins everything, requests and scheduled publications included', async () => {
    for (const role of ['editor', 'admin'] as const) {
      const data = await getDashboardData(ctx.payload, ctx.team.users[role])
      expect(data.awaitingReview?.count).toBe(2)
      expect(data.expiringReviews?.count).toBe(2)
      expect(data.newRequests).toMatchObject({
        count: 0,
        oldestAgeHours: null,
        href: '/admin/collections/appointment-requests?where[status][equals]=nuova',
      })
      expect(data.scheduled).toEqual([
        {
          postId: oldDraft.id,
          title: 'Bozza con revisione vecchia',
          type: 'publish',
          at: expect.any(String),
          href: `/admin/collections/posts/${oldDraft.id}`,
        },
      ])
      expect(data.myDrafts).toBeUndefined()
    }
    expect(stillValid.id).toEqual(expect.any(String))
  })
})
