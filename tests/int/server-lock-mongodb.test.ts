import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { MongoClient, type Db } from 'mongodb'

import { processStartTime } from '@/lib/server-lock'
import {
  holdMongoServerLock,
  scanMongoServerLock,
  SERVER_LOCK_COLLECTION,
} from '@/lib/server-lock-mongodb'
import { createBackup, restoreBackup } from '@/scripts/backup/lib'
import { refuseWhileServedMongo } from '@/scripts/backup/mongodb-restore'

import { describeOn, setupTestPayload } from './helpers/payload'

/** The pid of a process that has just exited: an entry with it is a crashed server's. */
const deadPid = () => spawnSync('true').pid as number

describeOn(
  'mongodb',
  'the server lock on MongoDB',
  'SQLite keeps its lock in a folder beside the file (tests/int/restore-safety.test.ts)',
)(() => {
  const ctx = setupTestPayload()
  let client: MongoClient
  let db: Db
  let databaseUri: string

  const locks = () => db.collection<{ _id: string }>(SERVER_LOCK_COLLECTION)

  beforeAll(async () => {
    databaseUri = process.env.DATABASE_URI as string
    client = new MongoClient(databaseUri)
    await client.connect()
    db = client.db()
  })

  afterAll(async () => {
    await client?.close()
  })

  it('refuses a restore while a server holds the lock, naming it, and changes nothing', async () => {
    const out = `${ctx.dir}/backups`
    const { archive } = await createBackup({
      databaseUri,
      mediaDir: process.env.MEDIA_DIR as string,
      outDir: out,
    })
    const held = await holdMongoServerLock(databaseUri, () => undefined)
    try {
      const before = await ctx.payload.count({ collection: 'posts' })
      await expect(
        restoreBackup({
          archive,
          databaseUri,
          mediaDir: process.env.MEDIA_DIR as string,
          backupDir: out,
        }),
      ).rejects.toThrow(
        new RegExp(
          `the site is running on this database \\(MongoDB .*collection ${SERVER_LOCK_COLLECTION}\\):\\n` +
            `  - pid ${process.pid} \\(started .*\\): stop it with \`kill ${process.pid}\``,
        ),
      )
      expect(await ctx.payload.count({ collection: 'posts' })).toEqual(before)
      expect(await locks().findOne({ _id: `${hostname()}.${process.pid}` })).toMatchObject({
        pid: process.pid,
        host: hostname(),
        processStart: processStartTime(process.pid),
      })
    } finally {
      held.release()
    }
    for (let i = 0; i < 50 && (await locks().countDocuments({})) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await refuseWhileServedMongo(databaseUri)).toEqual([])
  })

  it('ignores and removes the entries of crashed servers, here and on other hosts', async () => {
    const heartbeat = (ageMs: number) => new Date(Date.now() - ageMs).toISOString()
    const entry = (pid: number, host: string, ageMs: number) => ({
      pid,
      processStart: null,
      host,
      database: db.databaseName,
      startedAt: heartbeat(ageMs),
      heartbeatAt: heartbeat(ageMs),
    })
    const dead = deadPid()
    await locks().insertMany([
      { _id: `${hostname()}.${dead}`, ...entry(dead, hostname(), 0) },
      { _id: 'other-host.42', ...entry(42, 'other-host', 120_000) },
    ])
    const fresh = { _id: 'other-host.43', ...entry(43, 'other-host', 1_000) }
    await locks().insertOne(fresh)
    const scan = await scanMongoServerLock(db)
    expect(scan.live.map((live) => live.id)).toEqual(['other-host.43'])
    await expect(refuseWhileServedMongo(databaseUri)).rejects.toThrow(
      'pid 43 on host other-host (last heartbeat',
    )
    await locks().deleteOne({ _id: fresh._id })

    expect(await refuseWhileServedMongo(databaseUri)).toEqual([
      `ignored the lock of a server that is gone (pid ${dead} on ${hostname()}: process ${dead} no longer exists)`,
      expect.stringMatching(
        /^ignored the lock of a server that is gone \(pid 42 on other-host: no heartbeat from other-host for 12\d s\)$/,
      ),
    ])
    expect(await locks().countDocuments({})).toBe(0)
  })

  it('leaves the lock out of backups', async () => {
    const held = await holdMongoServerLock(databaseUri, () => undefined)
    try {
      const { manifest } = await createBackup({
        databaseUri,
        mediaDir: process.env.MEDIA_DIR as string,
        outDir: `${ctx.dir}/backups-lock`,
      })
      const names =
        manifest.engine === 'mongodb'
          ? manifest.database.collections.map((entry) => entry.name)
          : []
      expect(names).toContain('posts')
      expect(names).not.toContain(SERVER_LOCK_COLLECTION)
    } finally {
      held.release()
    }
  })
})
