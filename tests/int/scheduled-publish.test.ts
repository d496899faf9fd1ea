import { beforeAll, describe, expect, it } from '@jest/globals'
import { handleEndpoints } from 'payload'

import type { User } from '@/payload-types'
import { JOB_RUNNER_HEADER, jobRunnerToken } from '@/lib/jobs/token'
import { JOBS_RUN_PATH } from '@/lib/jobs/runner'

import { createUser, paragraphBody, QUIET, TEST_PASSWORD } from './helpers/fixtures'
import { setupTestPayload, TEST_SECRET } from './helpers/payload'

const ctx = setupTestPayload()
let editor: User
let author: User
let category: string
const content = paragraphBody('Testo programmato.')

beforeAll(async () => {
  editor = await createUser(ctx.payload, 'editor@test.it', 'editor')
  author = await createUser(ctx.payload, 'author@test.it', 'author')
  category = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Notizie', slug: '', medical: false },
    })
  ).id
}, 60_000)

const draftPost = (title: string, by: User = editor) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    user: by,
    overrideAccess: false,
    draft: true,
    data: { title, slug: '', content, categories: [category], _status: 'draft' },
  })

/** What the admin's "Programma pubblicazione" drawer queues (see schedulePublishHandler). */
const schedule = (type: 'publish' | 'unpublish', postId: string, by: User, waitUntil: Date) =>
  ctx.payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil,
    input: {
      type,
      doc: { relationTo: 'posts', value: postId },
      user: { relationTo: 'users', value: by.id },
    },
  })

const jobsFor = async (postId: string) =>
  (
    await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
      limit: 0,
    })
  ).docs.filter((job) => {
    // The job's input holds the relationship as stored: the bare id, or the post if populated.
    const value = (job.input as { doc?: { value?: unknown } })?.doc?.value
    return String(value && typeof value === 'object' && 'id' in value ? value.id : value) === postId
  })

const publicCopy = async (id: string) =>
  (
    await ctx.payload.find({
      collection: 'posts',
      overrideAccess: false,
      where: { id: { equals: id } },
      depth: 0,
    })
  ).docs[0]

const status = async (id: string) =>
  (await ctx.payload.findByID({ collection: 'posts', id, depth: 0, draft: false }))._status

/** Runs the queue as the runner does, until `done` holds or the deadline passes. */
async function runJobsUntil(done: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    await ctx.payload.jobs.run({ queue: 'default' })
    if (await done()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the scheduled job did not complete in time')
}

describe('scheduled publishing (jobs queue)', () => {
  it('publishes a draft once its time comes, not before', async () => {
    const post = await draftPost('Articolo programmato')
    const at = new Date(Date.now() + 3_000)
    await schedule('publish', post.id, editor, at)

    await ctx.payload.jobs.run({ queue: 'default' })
    expect(await status(post.id)).toBe('draft')
    expect(await publicCopy(post.id)).toBeUndefined()

    await runJobsUntil(async () => (await status(post.id)) === 'published')
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    const live = await publicCopy(post.id)
    expect(live?.title).toBe('Articolo programmato')
    expect(live?.publishedAt).toBeTruthy()
    // The job is removed once done, so the queue does not grow.
    expect(await jobsFor(post.id)).toEqual([])
  }, 30_000)

  it('unpublishes a published post at its time', async () => {
    const post = await draftPost('Articolo a tempo')
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { _status: 'published' },
    })
    expect(await publicCopy(post.id)).toBeDefined()

    await schedule('unpublish', post.id, editor, new Date(Date.now() + 1_500))
    await runJobsUntil(async () => (await status(post.id)) === 'draft')
    expect(await publicCopy(post.id)).toBeUndefined()
  }, 30_000)

  it('runs a job with the access of whoever scheduled it: an author cannot publish by schedule', async () => {
    const post = await draftPost('Bozza di un autore', author)
    await schedule('publish', post.id, author, new Date(Date.now() + 500))
    await new Promise((resolve) => setTimeout(resolve, 700))
    await ctx.payload.jobs.run({ queue: 'default' })

    expect(await status(post.id)).toBe('draft')
    expect(await publicCopy(post.id)).toBeUndefined()
    const [job] = await jobsFor(post.id)
    // The author's access refuses the publish, so the job fails and changes nothing. (The admin
    // offers authors no schedule button; this is the rule behind it.)
    expect(job?.hasError).toBe(true)
    expect(JSON.stringify(job?.error)).toContain('Non sei autorizzato')
  }, 30_000)
})

describe('GET /api/payload-jobs/run (what the in-process runner calls)', () => {
  const run = (headers: Record<string, string> = {}) =>
    handleEndpoints({
      config: ctx.payload.config,
      request: new Request(`http://localhost:3999${JOBS_RUN_PATH}?queue=default`, { headers }),
    })

  it('refuses anonymous callers and a wrong token', async () => {
    expect((await run()).status).toBe(401)
    expect((await run({ [JOB_RUNNER_HEADER]: jobRunnerToken('another-secret') })).status).toBe(401)
    expect((await run({ [JOB_RUNNER_HEADER]: 'x' })).status).toBe(401)
  })

  it('refuses logged-in users who do not publish (Payload lets any user run jobs by default)', async () => {
    const login = await ctx.payload.login({
      collection: 'users',
      data: { email: author.email, password: TEST_PASSWORD },
    })
    expect((await run({ Authorization: `JWT ${login.token}` })).status).toBe(401)
  })

  it('runs due jobs for the signed runner', async () => {
    const post = await draftPost('Pubblicato dal runner')
    await schedule('publish', post.id, editor, new Date(Date.now() - 1_000))
    const response = await run({ [JOB_RUNNER_HEADER]: jobRunnerToken(TEST_SECRET) })
    expect(response.status).toBe(200)
    expect(await status(post.id)).toBe('published')
  })
})
