import { spawn, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

import {
  BackupError,
  DATABASE_FILE,
  MANIFEST_FILE,
  UsageError,
  backupTimestamp,
  createBackup,
  parseBackupArgs,
  parseRestoreArgs,
  restoreBackup,
  sha256File,
  sqlitePathFromUri,
  verifyBackup,
  type BackupManifest,
  type SqliteManifest,
} from '@/scripts/backup/lib'
import { MAIN_ARTICLE_SLUG } from '@/seed/factories/posts'
import { seed } from '@/seed/seed'

import { repackArchive } from './helpers/archives'
import { QUIET } from './helpers/fixtures'
import { describeOn, setupTestPayload } from './helpers/payload'

const PORTRAIT = 'ritratto-segnaposto.png'
const CATEGORY = 'alluce-valgo'

let restarted: Payload | undefined
let out: string
let databaseUri: string
let databasePath: string
let mediaDir: string
let archive: string
let manifest: SqliteManifest
let originalTitle: string

const sqliteManifest = (value: BackupManifest): SqliteManifest => {
  if (value.engine !== 'sqlite') throw new Error(`expected a SQLite manifest, got ${value.engine}`)
  return value
}

/** Closes Payload's libSQL connection too (`payload.destroy()` leaves it open). */
const stop = async (instance: Payload) => {
  await instance.destroy()
  ;(instance.db as unknown as { client?: { close: () => void } }).client?.close()
}

/** A second Payload on the same files: a new cache key makes `getPayload` build a new instance. */
const restart = async () => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config, key: 'after-restore' })
}

/** What a failed restore must not change. */
const currentState = async () => ({
  database: await sha256File(databasePath),
  folder: (await readdir(path.dirname(databasePath))).sort(),
  media: (await readdir(mediaDir)).sort(),
})

const repack = (change: (root: string) => Promise<void>) => repackArchive(archive, out, change)

describeOn(
  'sqlite',
  'SQLite backup and restore',
  'copies the database file; MongoDB has tests/int/backup-mongodb.test.ts',
)(() => {
  // Registered before setupTestPayload: Jest runs `afterAll` hooks in that order, and the instance
  // started after the restore must close before the cleanup removes its files.
  afterAll(async () => {
    if (restarted) await stop(restarted)
  })
  const ctx = setupTestPayload()

  beforeAll(async () => {
    databaseUri = process.env.DATABASE_URI as string
    mediaDir = process.env.MEDIA_DIR as string
    databasePath = sqlitePathFromUri(databaseUri)
    out = path.join(ctx.dir, 'backups')
    await seed(ctx.payload)
    const { docs } = await ctx.payload.find({
      collection: 'posts',
      where: { slug: { equals: MAIN_ARTICLE_SLUG } },
      depth: 0,
    })
    originalTitle = docs[0]?.title as string
  }, 120_000)

  describe('backup', () => {
    it('packs a verified database copy, the media and a manifest into a timestamped archive', async () => {
      const now = new Date()
      const result = await createBackup({ databaseUri, mediaDir, outDir: out, now })
      archive = result.archive
      manifest = sqliteManifest(result.manifest)

      expect(path.basename(archive)).toBe(`clinica-backup-${backupTimestamp(now)}.tar.gz`)
      expect(path.basename(archive)).toMatch(/^clinica-backup-\d{8}-\d{6}\.tar\.gz$/)
      expect(result.size).toBeGreaterThan(0)
      expect(manifest.engine).toBe('sqlite')
      expect(manifest.source.databasePath).toBe(databasePath)
      expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/)
      expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/)
      const media = manifest.media.files.map((file) => file.path)
      expect(media).toEqual(expect.arrayContaining([PORTRAIT, 'alluce-valgo-illustrazione.png']))
      expect(media.sort()).toEqual((await readdir(mediaDir)).sort())
      expect(await verifyBackup(archive)).toEqual(manifest)
    })

    it('refuses a missing database file', async () => {
      await expect(
        createBackup({ databaseUri: `file:${ctx.dir}/missing.db`, mediaDir, outDir: out }),
      ).rejects.toThrow(/does not exist/)
    })

    it('takes a consistent copy while another process is writing', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'clinica-busy-'))
      const file = path.join(dir, 'busy.db')
      const setup = createClient({ url: `file:${file}` })
      await setup.execute('PRAGMA journal_mode = WAL')
      await setup.execute('CREATE TABLE scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)')
      setup.close()

      // A separate process, so the writes really run at the same time as VACUUM INTO.
      const writer = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { createClient } from '@libsql/client'
         const client = createClient({ url: ${JSON.stringify(`file:${file}`)} })
         await client.execute('PRAGMA busy_timeout = 10000')
         for (let i = 0; ; i++) {
           await client.batch([
             { sql: 'INSERT INTO scratch (payload) VALUES (?)', args: ['x'.repeat(2000)] },
             { sql: 'INSERT INTO scratch (payload) VALUES (?)', args: ['y'.repeat(2000)] },
           ], 'write')
           if (i === 50) console.log('writing')
         }`,
        ],
        { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
      )
      try {
        await new Promise<void>((resolve, reject) => {
          writer.stdout.once('data', () => resolve())
          writer.once('exit', (code) => reject(new Error(`writer exited early (${code})`)))
        })
        const backups = []
        for (let i = 0; i < 3; i++) {
          backups.push(
            await createBackup({
              databaseUri: `file:${file}`,
              mediaDir: path.join(dir, 'no-media'),
              outDir: path.join(dir, 'out'),
              now: new Date(Date.UTC(2030, 0, 1, 0, 0, i)),
            }),
          )
        }
        expect(writer.exitCode).toBeNull() // still writing throughout
        for (const backup of backups) {
          // verifyBackup re-runs the checksums and PRAGMA integrity_check on the copy.
          await expect(verifyBackup(backup.archive)).resolves.toEqual(backup.manifest)
        }

        const temp = await mkdtemp(path.join(tmpdir(), 'clinica-busy-copy-'))
        const last = backups.at(-1)?.archive as string
        execFileSync('tar', ['-xzf', last, '-C', temp])
        const [top] = await readdir(temp)
        const copy = createClient({ url: `file:${path.join(temp, top as string, DATABASE_FILE)}` })
        const { rows } = await copy.execute('SELECT count(*) AS n FROM scratch')
        copy.close()
        const count = Number(rows[0]?.n)
        expect(count).toBeGreaterThan(100)
        expect(count % 2).toBe(0) // both inserts of a transaction, or neither
        await rm(temp, { recursive: true, force: true })
      } finally {
        writer.kill()
        await rm(dir, { recursive: true, force: true })
      }
    }, 60_000)
  })

  describe('restore', () => {
    it('refuses a tampered or foreign archive and changes nothing', async () => {
      const before = await currentState()

      const wrongSha = await repack(async (root) => {
        const file = path.join(root, MANIFEST_FILE)
        const data = JSON.parse(await readFile(file, 'utf8')) as SqliteManifest
        data.database.sha256 = '0'.repeat(64)
        await writeFile(file, JSON.stringify(data))
      })
      const corruptDb = await repack(async (root) => {
        // Damage the database copy but keep the manifest in agreement: integrity_check catches it.
        const file = path.join(root, DATABASE_FILE)
        const bytes = await readFile(file)
        bytes.fill(0xff, 4096, bytes.length)
        await writeFile(file, bytes)
        const manifestFile = path.join(root, MANIFEST_FILE)
        const data = JSON.parse(await readFile(manifestFile, 'utf8')) as SqliteManifest
        data.database.sha256 = await sha256File(file)
        await writeFile(manifestFile, JSON.stringify(data))
      })
      const changedMedia = await repack(async (root) => {
        await writeFile(path.join(root, 'media', PORTRAIT), 'not the original image')
      })
      const noManifest = await repack(async (root) => rm(path.join(root, MANIFEST_FILE)))
      const notGzip = path.join(out, 'not-an-archive.tar.gz')
      await writeFile(notGzip, 'hello')

      const attempts: [string, RegExp][] = [
        [wrongSha, /database\.sqlite: sha256 does not match/],
        [corruptDb, /integrity_check|not a readable SQLite database/],
        [changedMedia, new RegExp(`media/${PORTRAIT}: (size|sha256) does not match`)],
        [noManifest, /no manifest\.json/],
        [notGzip, /cannot read .* as a \.tar\.gz/],
        [path.join(out, 'missing.tar.gz'), /archive not found/],
      ]
      for (const [candidate, message] of attempts) {
        const restore = restoreBackup({ archive: candidate, databaseUri, mediaDir })
        await expect(restore).rejects.toThrow(BackupError)
        await expect(restore).rejects.toThrow(message)
      }

      // A SQLite archive onto MongoDB: refused from the manifest, before any connection is tried.
      const mongo = restoreBackup({
        archive,
        databaseUri: 'mongodb://127.0.0.1:9/clinica?serverSelectionTimeoutMS=200',
        mediaDir,
        backupDir: out,
      })
      await expect(mongo).rejects.toThrow(
        'this archive is a backup of a SQLite database, but DATABASE_URI points to MongoDB',
      )
      await expect(verifyBackup(archive, 'mongodb')).rejects.toThrow(/onto the engine it was made/)
      expect(await currentState()).toEqual(before)
    })

    it('reads archives made before the manifest named its engine as SQLite ones', async () => {
      const legacy = await repack(async (root) => {
        const file = path.join(root, MANIFEST_FILE)
        const { engine: _engine, ...data } = JSON.parse(
          await readFile(file, 'utf8'),
        ) as SqliteManifest
        await writeFile(file, JSON.stringify(data))
      })
      await expect(verifyBackup(legacy, 'sqlite')).resolves.toEqual(manifest)
    })

    it('puts back the data of the backup after changes, keeping the current data aside', async () => {
      const find = async (instance: Payload) => {
        const post = await instance.find({
          collection: 'posts',
          where: { slug: { equals: MAIN_ARTICLE_SLUG } },
          depth: 0,
        })
        const category = await instance.find({
          collection: 'categories',
          where: { slug: { equals: CATEGORY } },
        })
        const media = await instance.find({
          collection: 'media',
          where: { filename: { equals: PORTRAIT } },
        })
        return { title: post.docs[0]?.title, category: category.totalDocs, media: media.totalDocs }
      }

      // Edits after the backup.
      const post = await ctx.payload.find({
        collection: 'posts',
        where: { slug: { equals: MAIN_ARTICLE_SLUG } },
        depth: 0,
      })
      await ctx.payload.update({
        collection: 'posts',
        id: post.docs[0]?.id as string,
        data: { title: 'Titolo cambiato dopo il backup' },
        ...QUIET,
      })
      await ctx.payload.delete({
        collection: 'categories',
        where: { slug: { equals: CATEGORY } },
        ...QUIET,
      })
      await ctx.payload.delete({
        collection: 'media',
        where: { filename: { equals: PORTRAIT } },
        ...QUIET,
      })
      expect(await find(ctx.payload)).toEqual({
        title: 'Titolo cambiato dopo il backup',
        category: 0,
        media: 0,
      })
      expect(existsSync(path.join(mediaDir, PORTRAIT))).toBe(false)

      // Stop the "server", then restore.
      await stop(ctx.payload)
      const now = new Date()
      const { movedAside } = await restoreBackup({ archive, databaseUri, mediaDir, now })
      const suffix = `.before-restore-${backupTimestamp(now)}`
      expect(movedAside).toEqual(expect.arrayContaining([databasePath + suffix, mediaDir + suffix]))
      for (const file of movedAside) expect(existsSync(file)).toBe(true)
      expect(existsSync(path.join(mediaDir + suffix, PORTRAIT))).toBe(false) // the edited media
      expect(await sha256File(databasePath)).toBe(manifest.database.sha256)
      expect(existsSync(path.join(mediaDir, PORTRAIT))).toBe(true)
      expect(await sha256File(path.join(mediaDir, PORTRAIT))).toBe(
        manifest.media.files.find((file) => file.path === PORTRAIT)?.sha256,
      )

      // A new Payload on the restored files sees the original data.
      restarted = await restart()
      expect(restarted).not.toBe(ctx.payload)
      expect(await find(restarted)).toEqual({ title: originalTitle, category: 1, media: 1 })
      expect(originalTitle).not.toBe('Titolo cambiato dopo il backup')
    }, 60_000)
  })
})

describe('command-line arguments', () => {
  it('restore needs exactly one archive; --yes is opt-in', () => {
    expect(parseRestoreArgs(['a.tar.gz'])).toEqual({ help: false, yes: false, archive: 'a.tar.gz' })
    expect(parseRestoreArgs(['a.tar.gz', '--yes'])).toMatchObject({ yes: true })
    expect(() => parseRestoreArgs([])).toThrow(UsageError)
    expect(() => parseRestoreArgs(['a.tar.gz', 'b.tar.gz'])).toThrow(UsageError)
    expect(() => parseRestoreArgs(['a.tar.gz', '--force'])).toThrow(UsageError)
  })

  it('backup takes an optional --out folder', () => {
    expect(parseBackupArgs([])).toEqual({ help: false })
    expect(parseBackupArgs(['--out', '/tmp/x'])).toMatchObject({ out: '/tmp/x' })
    expect(() => parseBackupArgs(['extra'])).toThrow(UsageError)
    expect(() => parseBackupArgs(['--out'])).toThrow(UsageError)
  })

  it('resolves SQLite file URLs against the working folder', () => {
    expect(sqlitePathFromUri('file:./data/clinica.db', '/srv/app')).toBe('/srv/app/data/clinica.db')
    expect(sqlitePathFromUri('file:data/clinica.db', '/srv/app')).toBe('/srv/app/data/clinica.db')
    expect(sqlitePathFromUri('file:/var/db/c.db', '/srv/app')).toBe('/var/db/c.db')
    expect(sqlitePathFromUri('file:///var/db/c.db', '/srv/app')).toBe('/var/db/c.db')
    expect(() => sqlitePathFromUri('mongodb+srv://x/y')).toThrow(/is a MongoDB URL/)
  })
})
