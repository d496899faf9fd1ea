import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'

import { repairMissingVersions } from '@/lib/backup/repair-versions'
import { DatabaseCheckError, prepareDatabase } from '@/lib/backup/startup'
import { backupTasks, getLastBackup, pruneBackups, runScheduledBackup } from '@/lib/backup/schedule'
import { articleBlocksToLexical } from '@/lib/text-import'
import { processStartTime, serverLockDir } from '@/lib/server-lock'
import {
  MANIFEST_FILE,
  createBackup,
  refuseWhileServed,
  restoreBackup,
  sha256File,
  sqlitePathFromUri,
  verifyBackup,
  appIdentity,
} from '@/scripts/backup/lib'
import { quickCheck } from '@/scripts/backup/sqlite'

import { repackArchive } from './helpers/archives'
import { QUIET } from './helpers/fixtures'
import { describeOn, setupTestPayload } from './helpers/payload'

let out: string
let databaseUri: string
let databasePath: string
let mediaDir: string
let archive: string

/** What a refused or failed restore must not change. */
const currentState = async () => ({
  database: await sha256File(databasePath),
  folder: (await readdir(path.dirname(databasePath))).filter((f) => !f.endsWith('.lock')).sort(),
  media: (await readdir(mediaDir)).sort(),
})

const repack = (change: (root: string) => Promise<void>) => repackArchive(archive, out, change)

const restore = (file: string, extra: Partial<Parameters<typeof restoreBackup>[0]> = {}) =>
  restoreBackup({ archive: file, databaseUri, mediaDir, now: new Date(), ...extra })

describeOn(
  'sqlite',
  'restore safety (SQLite)',
  'the server lock, file swap and integrity checks are about the SQLite file',
)(() => {
  const ctx = setupTestPayload()

  beforeAll(async () => {
    databaseUri = process.env.DATABASE_URI as string
    mediaDir = process.env.MEDIA_DIR as string
    databasePath = sqlitePathFromUri(databaseUri)
    out = path.join(ctx.dir, 'backups')
    await mkdir(mediaDir, { recursive: true })
    await writeFile(path.join(mediaDir, 'foto.jpg'), 'not really a photo')
    await ctx.payload.create({
      collection: 'categories',
      data: { title: 'Caviglia', slug: 'caviglia' },
      ...QUIET,
    })
    archive = (await createBackup({ databaseUri, mediaDir, outDir: out })).archive
  })

  describe('a running server', () => {
    const writeEntry = async (pid: number, processStart: string | null) => {
      const dir = serverLockDir(databasePath)
      await mkdir(dir, { recursive: true })
      const file = path.join(dir, `${hostname()}.${pid}.json`)
      const now = new Date().toISOString()
      await writeFile(
        file,
        JSON.stringify({
          pid,
          processStart,
          host: hostname(),
          database: databasePath,
          startedAt: now,
          heartbeatAt: now,
        }),
      )
      return file
    }

    it('is refused while a live process holds the lock, naming its pid and how to stop it', async () => {
      // A real other process holding the lock the way a server does (lib/server-lock.ts).
      const child = spawn('sleep', ['30'])
      const pid = child.pid as number
      const entry = await writeEntry(pid, processStartTime(pid))
      const before = await currentState()
      try {
        const refused = restore(archive)
        await expect(refused).rejects.toThrow(`pid ${pid}`)
        await expect(restore(archive)).rejects.toThrow(`\`kill ${pid}\``)
        await expect(restore(archive)).rejects.toThrow(/the site is running on this database/)
        expect(await currentState()).toEqual(before)
      } finally {
        child.kill('SIGKILL')
        await rm(entry, { force: true })
      }
    })

    it('ignores (and removes) the lock of a dead server or of a reused pid, with a note', async () => {
      const dead = spawn('true')
      const deadPid = dead.pid as number
      await new Promise((resolve) => dead.once('exit', resolve))
      const deadEntry = await writeEntry(deadPid, '12345')
      // This very process, but "started" at another time: the pid was reused.
      const reusedEntry = await writeEntry(process.pid, '1')
      // Checked without restoring: this file's Payload keeps the live database open.
      const staleServers = refuseWhileServed(databasePath)
      expect(staleServers.sort()).toEqual(
        [
          `ignored the lock of a server that is gone (pid ${deadPid} on ${hostname()}: process ${deadPid} no longer exists)`,
          `ignored the lock of a server that is gone (pid ${process.pid} on ${hostname()}: pid ${process.pid} now belongs to another process)`,
        ].sort(),
      )
      expect(existsSync(deadEntry)).toBe(false)
      expect(existsSync(reusedEntry)).toBe(false)
    })
  })

  describe('bad archives are refused before anything is touched', () => {
    it('a truncated archive', async () => {
      const cut = path.join(out, 'truncated.tar.gz')
      await writeFile(cut, await readFile(archive))
      await truncate(cut, Math.floor((await stat(archive)).size / 2))
      const before = await currentState()
      await expect(restore(cut)).rejects.toThrow(/truncated or damaged/)
      expect(await currentState()).toEqual(before)
    })

    it("another app's archive", async () => {
      const foreign = await repack(async (root) => {
        const file = path.join(root, MANIFEST_FILE)
        const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
        await writeFile(file, JSON.stringify({ ...manifest, app: 'gestionale-magazzino' }))
      })
      const before = await currentState()
      await expect(restore(foreign)).rejects.toThrow(
        'this archive is a backup of another app ("gestionale-magazzino"), not of "clinica-blog"',
      )
      expect(await currentState()).toEqual(before)
    })

    it('an archive of a newer schema (a migration this code does not know)', async () => {
      const future = await ctx.payload.create({
        collection: 'payload-migrations',
        data: { name: '20991231_000000_future_schema', batch: 99 },
      })
      const newer = (await createBackup({ databaseUri, mediaDir, outDir: path.join(out, 'newer') }))
        .archive
      await ctx.payload.delete({ collection: 'payload-migrations', id: future.id })

      const manifest = await verifyBackup(newer)
      expect(manifest.migrations).toContain('20991231_000000_future_schema')
      await expect(verifyBackup(newer, 'sqlite', await appIdentity())).rejects.toThrow(
        /newer database schema .*migrations this code does not know: 20991231_000000_future_schema/,
      )
      const before = await currentState()
      await expect(restore(newer)).rejects.toThrow(/newer database schema/)
      expect(await currentState()).toEqual(before)
    })

    it('records the app and its migrations in the manifest of every new archive', async () => {
      const manifest = await verifyBackup(archive, 'sqlite', await appIdentity())
      const { knownMigrations } = await appIdentity()
      expect(manifest.app).toBe('clinica-blog')
      expect(manifest.migrations).toEqual([...knownMigrations].sort())
    })
  })

  it('a disk that fills during the restore leaves the current data in place', async () => {
    const before = await currentState()
    let copies = 0
    const fillsUp = async (from: string, to: string) => {
      copies += 1
      // The database copy fits; the disk is full when the media are written.
      if (copies > 1) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${to}'`), {
          code: 'ENOSPC',
        })
      }
      await writeFile(to, await readFile(from))
    }
    await expect(restore(archive, { copyFile: fillsUp })).rejects.toThrow(
      /disk full\?\), the current data was left in place: ENOSPC/,
    )
    expect(copies).toBe(2)
    // Same database bytes, no moved-aside files, no partial `.restoring` copies left behind.
    expect(await currentState()).toEqual(before)
    expect((await readdir(path.dirname(mediaDir))).filter((f) => f.includes('restoring'))).toEqual(
      [],
    )
  })

  describe('scheduled backups', () => {
    it('is off without BACKUP_CRON, a task on the default queue with it', () => {
      const env = { databaseUri, mediaDir, backup: { keep: 14 } }
      expect(backupTasks(env)).toEqual([])
      const [task] = backupTasks({ ...env, backup: { cron: '30 2 * * *', keep: 14 } })
      expect(task?.slug).toBe('scheduledBackup')
      expect(task?.schedule).toEqual([{ cron: '30 2 * * *', queue: 'default' }])
    })

    it('keeps the newest BACKUP_KEEP archives; getLastBackup names the newest', async () => {
      const dir = path.join(ctx.dir, 'scheduled')
      const env = { databaseUri, mediaDir, backup: { keep: 2 } }
      const times = [1, 2, 3, 4].map((day) => new Date(2026, 0, day, 2, 30, 0))
      for (const time of times) await runScheduledBackup(env, dir, time)
      // Not a scheduled archive: never pruned.
      await writeFile(path.join(dir, 'clinica-backup-20250101-000000-before-restore.tar.gz'), '')
      expect((await readdir(dir)).sort()).toEqual([
        'clinica-backup-20250101-000000-before-restore.tar.gz',
        'clinica-backup-20260103-023000.tar.gz',
        'clinica-backup-20260104-023000.tar.gz',
      ])
      const last = await getLastBackup(dir)
      const newest = path.join(dir, 'clinica-backup-20260104-023000.tar.gz')
      expect(last).toEqual({
        at: (await stat(newest)).mtime.toISOString(),
        size: (await stat(newest)).size,
        file: newest,
      })
      expect(last?.size).toBeGreaterThan(1000)
      expect(await pruneBackups(dir, 1)).toEqual([
        path.join(dir, 'clinica-backup-20260103-023000.tar.gz'),
      ])
      expect(await getLastBackup(path.join(ctx.dir, 'nowhere'))).toBeNull()
    })
  })

  it('rebuilds the version rows a crash left missing, one log line each', async () => {
    const post = await ctx.payload.create({
      collection: 'posts',
      data: {
        title: 'Senza versione',
        slug: 'senza-versione',
        excerpt: 'Creato prima del crash.',
        _status: 'published',
        content: articleBlocksToLexical([{ type: 'paragraph', text: 'Senza versione.' }]),
      },
      ...QUIET,
    })
    await ctx.payload.db.deleteVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
    })
    const count = () =>
      ctx.payload.db.countVersions({ collection: 'posts', where: { parent: { equals: post.id } } })
    expect((await count()).totalDocs).toBe(0)

    const lines: string[] = []
    const logger = {
      info: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    }
    expect(await repairMissingVersions(ctx.payload, logger)).toEqual([
      { collection: 'posts', id: String(post.id) },
    ])
    expect(lines).toEqual([
      `Repaired posts ${post.id}: its missing version was rebuilt from the document.`,
    ])
    expect((await count()).totalDocs).toBe(1)
    const { docs } = await ctx.payload.findVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
    })
    expect(docs[0]?.version.title).toBe('Senza versione')
    expect(docs[0]?.version._status).toBe('published')
    // Nothing left to repair: a second start logs nothing.
    expect(await repairMissingVersions(ctx.payload, logger)).toEqual([])
    expect(lines).toHaveLength(1)
  })

  it('a database that fails its integrity check stops the server start, naming the reason', async () => {
    const file = path.join(ctx.dir, 'damaged.db')
    const client = createClient({ url: `file:${file}` })
    await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    await client.execute('CREATE INDEX notes_body ON notes (body)')
    for (let i = 0; i < 200; i++) {
      await client.execute({
        sql: 'INSERT INTO notes (body) VALUES (?)',
        args: [`nota ${i} `.repeat(20)],
      })
    }
    client.close()
    expect(await quickCheck(file)).toBeNull()
    // Garbage over the middle of the file: pages of the table and its index.
    const bytes = await readFile(file)
    bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 2048)
    await writeFile(file, bytes)

    const reason = await quickCheck(file)
    expect(reason).toMatch(/quick_check|malformed|not a readable SQLite database/)
    await expect(
      prepareDatabase({ databaseKind: 'sqlite', databaseUri: `file:${file}` }),
    ).rejects.toThrow(
      new DatabaseCheckError(
        `The database ${file} failed its integrity check (${reason}). The server does not start ` +
          'on a damaged database: restore the latest backup (npm run restore -- <archive> --yes).',
      ),
    )
    expect(existsSync(serverLockDir(file))).toBe(false)
  })
})
