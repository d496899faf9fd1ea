import { beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { User } from '@/payload-types'
import { JOB_QUEUE_LOCK, processLock, type Lock } from '@/lib/jobs/lock'
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner'
import { createRedisLock } from '@/lib/redis/lock'

import { createUser, paragraphBody, QUIET } from './helpers/fixtures'
import { redisForThisFile } from './helpers/redis'
import { setupTestPayload, TEST_SECRET } from './helpers/payload'

/*
 * Every instance runs a job runner; a lock in Redis lets one of them run the queue at a time, so
 * no scheduled publish runs twice. Two runners with their own Redis connections are two
 * instances; they share one database, as instances do.
 */

const ctx = setupTestPayload()
const redisFile = redisForThisFile()
const connect = () => redisFile.connect()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let n = 0

describe('Redis lock', () => {
  it('is held by one instance at a time and given back by its holder', async () => {
    const name = `lock-${++n}`
    const a = createRedisLock(connect(), name)
    const b = createRedisLock(connect(), name)
    const lease = await a.acquire()
    expect(lease).not.toBeNull()
    expect(await b.acquire()).toBeNull()
    expect(await a.acquire()).toBeNull()
    await lease?.release()
    const next = await b.acquire()
    expect(next).not.toBeNull()
    expect(await a.acquire()).toBeNull()
    await next?.release()
    expect(await redisFile.raw.exists(`clinica:lock:${name}`)).toBe(0)
  })

  it('stays held while its holder works past its lifetime (renewed), and frees itself when the holder dies', async () => {
    const name = `lock-${++n}`
    const holder = connect()
    const lease = await createRedisLock(holder, name, { ttlMs: 300 }).acquire()
    await sleep(1_000)
    const other = createRedisLock(connect(), name, { ttlMs: 300 })
    expect(await other.acquire()).toBeNull()

    // The holder's process dies: no more renewals, no release.
    await holder.close()
    await sleep(400)
    const taken = await other.acquire()
    expect(taken).not.toBeNull()
    // The dead holder's late release cannot free the new holder's lock.
    await lease?.release()
    expect(await redisFile.raw.exists(`clinica:lock:${name}`)).toBe(1)
    await taken?.release()
  })

  it('releases only its own token: a lock taken over by another holder is left alone', async () => {
    const name = `lock-${++n}`
    const lease = await createRedisLock(connect(), name).acquire()
    await redisFile.raw.set(`clinica:lock:${name}`, 'another-holder')
    await lease?.release()
    expect(await redisFile.raw.get(`clinica:lock:${name}`)).toBe('another-holder')
  })
})

describe('two job runners on one database', () => {
  let editor: User
  let category: string
  beforeAll(async () => {
    editor = await createUser(ctx.payload, 'editor@test.it', 'editor')
    category = (
      await ctx.payload.create({
        ...QUIET,
        collection: 'categories',
        data: { title: 'Notizie', slug: '', medical: false },
      })
    ).id
  }, 60_000)

  /** Drafts scheduled for publication a moment ago: due at the next run of the queue. */
  const scheduleDrafts = async (count: number) => {
    const posts: string[] = []
    const jobs: string[] = []
    for (let i = 0; i < count; i++) {
      const post = await ctx.payload.create({
        ...QUIET,
        collection: 'posts',
        draft: true,
        data: {
          title: `Programmato ${++n}`,
          slug: '',
          content: paragraphBody('Testo.'),
          categories: [category],
          _status: 'draft',
        },
      })
      const job = await ctx.payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() - 1_000),
        input: {
          type: 'publish',
          doc: { relationTo: 'posts', value: post.id },
          user: { relationTo: 'users', value: editor.id },
        },
      })
      posts.push(post.id)
      jobs.push(String(job.id))
    }
    return { posts, jobs }
  }

  /**
   * Two runners and the run endpoint they call on their own instance. The endpoint runs the
   * queue in the shared database (slowly, so that the two runners' ticks overlap) and records
   * which jobs it ran and how many runs were in progress at once.
   */
  const twoRunners = (locks: [Lock, Lock], runQueue: boolean) => {
    const record = {
      calls: [] as string[],
      jobsRun: [] as string[],
      inProgress: 0,
      maxInProgress: 0,
    }
    const endpoint = (instance: string) =>
      (async () => {
        record.calls.push(instance)
        record.inProgress += 1
        record.maxInProgress = Math.max(record.maxInProgress, record.inProgress)
        try {
          await sleep(300)
          if (runQueue) {
            const result = await ctx.payload.jobs.run({ queue: 'default' })
            record.jobsRun.push(...Object.keys(result.jobStatus ?? {}))
          }
          return Response.json({ message: 'ok' })
        } finally {
          record.inProgress -= 1
        }
      }) as unknown as typeof fetch
    const runners: JobRunner[] = locks.map((lock, i) =>
      startJobRunner({
        origin: () => `http://instance-${i}`,
        secret: TEST_SECRET,
        // Ticks are driven by the test only.
        intervalMs: 3_600_000,
        initialDelayMs: 3_600_000,
        fetch: endpoint(`instance-${i}`),
        logger: { info: jest.fn(), error: jest.fn() },
        lock,
      }),
    )
    const tickBoth = () => Promise.all(runners.map((runner) => runner.tick()))
    const stop = () => runners.forEach((runner) => runner.stop())
    return { record, tickBoth, stop }
  }

  it('without a shared lock, both instances run the queue at the same time (what the lock prevents)', async () => {
    const { record, tickBoth, stop } = twoRunners([processLock(), processLock()], false)
    await tickBoth()
    stop()
    expect(record.calls.sort()).toEqual(['instance-0', 'instance-1'])
    expect(record.maxInProgress).toBe(2)
  })

  it('with the Redis lock, one instance runs the queue at a time and every job runs exactly once', async () => {
    const { posts, jobs } = await scheduleDrafts(3)
    const { record, tickBoth, stop } = twoRunners(
      [createRedisLock(connect(), JOB_QUEUE_LOCK), createRedisLock(connect(), JOB_QUEUE_LOCK)],
      true,
    )
    for (let round = 0; round < 3; round++) await tickBoth()
    stop()

    // Each round both runners ticked together: one ran the queue, the other found it taken.
    expect(record.calls).toHaveLength(3)
    expect(record.maxInProgress).toBe(1)
    expect(record.jobsRun.sort()).toEqual([...jobs].sort())

    for (const id of posts) {
      expect((await ctx.payload.findByID({ collection: 'posts', id, depth: 0 }))._status).toBe(
        'published',
      )
      const published = await ctx.payload.findVersions({
        collection: 'posts',
        where: { parent: { equals: id }, 'version._status': { equals: 'published' } },
        depth: 0,
      })
      expect(published.totalDocs).toBe(1)
    }
    expect(await redisFile.raw.exists(`clinica:lock:${JOB_QUEUE_LOCK}`)).toBe(0)
  }, 60_000)
})
