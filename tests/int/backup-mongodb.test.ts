import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'
import { BSON, MongoClient, type Db } from 'mongodb'

import {
  BackupError,
  MANIFEST_FILE,
  backupTimestamp,
  beforeRestoreArchive,
  collectionFile,
  createBackup,
  movedAsideName,
  restoreBackup,
  sha256File,
  verifyBackup,
  type BackupManifest,
  type MongoManifest,
} from '@/scripts/backup/lib'
import { MAIN_ARTICLE_SLUG } from '@/seed/factories/posts'
import { seed } from '@/seed/seed'

import { uniqueMongoUri } from '../support/test-database.mjs'

import { repackArchive } from './helpers/archives'
import { QUIET } from './helpers/fixtures'
import { describeOn, setupTestPayload } from './helpers/payload'

const PORTRAIT = 'ritratto-segnaposto.png'
const CATEGORY = 'alluce-valgo'
const CHANGED_TITLE = 'Titolo cambiato dopo il backup'

type MongoAdapter = { collections: Record<string, { collection: { collectionName: string } }> }

const mongoManifest = (value: BackupManifest): MongoManifest => {
  if (value.engine !== 'mongodb')
    throw new Error(`expected a MongoDB manifest, got ${value.engine}`)
  return value
}

/** The app's collections, as in the backup: real collections without the server's `system.*`. */
const collectionNames = async (db: Db) =>
  (await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray())
    .map((info) => info.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()

/** Every document of every collection as canonical EJSON, by `_id`: equal dumps, equal data. */
async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {}
  for (const name of await collectionNames(db)) {
    const documents = await db
      .collection(name)
      .find({}, { sort: { _id: 1 }, promoteValues: false, promoteLongs: false, bsonRegExp: true })
      .toArray()
    dump[name] = documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false }))
  }
  return dump
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const counts = (dump: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(dump).map(([name, lines]) => [name, lines.length]))

const manifestCounts = (manifest: MongoManifest) =>
  Object.fromEntries(manifest.database.collections.map((entry) => [entry.name, entry.documents]))

describeOn(
  'mongodb',
  'MongoDB backup and restore',
  'reads and writes the database through the MongoDB driver; SQLite has tests/int/backup.test.ts',
)(() => {
  const ctx = setupTestPayload()
  let client: MongoClient
  let db: Db
  let databaseUri: string
  let mediaDir: string
  let out: string
  let scratch: string
  let archive: string
  let manifest: MongoManifest
  /** The database when the backup was taken. */
  let backedUp: Record<string, string[]>
  let postIndexes: string[]
  let original: { id: string; title: string; createdAt: string; updatedAt: string }

  const collectionOf = (slug: string) =>
    (ctx.payload.db as unknown as MongoAdapter).collections[slug]?.collection
      .collectionName as string
  const indexNames = async (slug: string) =>
    (await db.collection(collectionOf(slug)).indexes()).map((index) => String(index.name)).sort()
  const findPost = async () => {
    const { docs } = await ctx.payload.find({
      collection: 'posts',
      where: { slug: { equals: MAIN_ARTICLE_SLUG } },
      depth: 0,
    })
    return docs[0]
  }
  /** What a refused or rolled-back restore must leave exactly as it was. */
  const currentState = async () => ({
    data: await dumpAll(db),
    media: (await readdir(mediaDir)).sort(),
    folder: (await readdir(ctx.dir)).sort(),
    backups: (await readdir(out)).sort(),
  })
  const repack = (change: (root: string) => Promise<void>) =>
    repackArchive(archive, scratch, change)

  beforeAll(async () => {
    databaseUri = process.env.DATABASE_URI as string
    mediaDir = process.env.MEDIA_DIR as string
    out = path.join(ctx.dir, 'backups')
    scratch = await mkdtemp(path.join(tmpdir(), 'clinica-backup-scratch-'))
    await seed(ctx.payload)
    client = new MongoClient(databaseUri)
    await client.connect()
    db = client.db()
    postIndexes = await indexNames('posts')
    const post = await findPost()
    if (!post) throw new Error('the seed has no main article')
    original = {
      id: post.id,
      title: post.title,
      createdAt: post.createdAt,
      updatedAt: post.updatedAt,
    }
  }, 120_000)

  afterAll(async () => {
    await client?.close()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  describe('backup', () => {
    it('packs every collection as canonical EJSON with its count, the media and a manifest', async () => {
      backedUp = await dumpAll(db)
      const now = new Date()
      const result = await createBackup({ databaseUri, mediaDir, outDir: out, now })
      archive = result.archive
      manifest = mongoManifest(result.manifest)

      expect(path.basename(archive)).toBe(`clinica-backup-${backupTimestamp(now)}.tar.gz`)
      expect(manifest.engine).toBe('mongodb')
      expect(manifest.source.database).toBe(db.databaseName)
      expect(JSON.stringify(manifest)).not.toContain(databaseUri)
      expect(manifestCounts(manifest)).toEqual(counts(backedUp))
      for (const slug of ['posts', 'media', 'users', 'categories']) {
        expect(manifestCounts(manifest)[collectionOf(slug)]).toBeGreaterThan(0)
      }
      const hello = await db.admin().command({ hello: 1 })
      const clustered = typeof hello.setName === 'string' || hello.msg === 'isdbgrid'
      expect(manifest.database.consistency).toBe(
        clustered && Number(hello.maxWireVersion) >= 13 ? 'snapshot' : 'per-document',
      )
      expect(manifest.media.files.map((file) => file.path).sort()).toEqual(
        (await readdir(mediaDir)).sort(),
      )
      expect(await verifyBackup(archive, 'mongodb')).toEqual(manifest)

      // Each file holds exactly the collection's documents: ObjectIds, dates and numbers as stored.
      const temp = await mkdtemp(path.join(tmpdir(), 'clinica-read-'))
      execFileSync('tar', ['-xzf', archive, '-C', temp])
      const [top] = await readdir(temp)
      for (const [name, lines] of Object.entries(backedUp)) {
        const text = await readFile(path.join(temp, top as string, collectionFile(name)), 'utf8')
        expect(text).toBe(lines.map((line) => `${line}\n`).join(''))
      }
      await rm(temp, { recursive: true, force: true })
      const post = backedUp[collectionOf('posts')]?.find((line) =>
        line.startsWith(`{"_id":{"$oid":"${original.id}"}`),
      )
      expect(post).toContain(`"_id":{"$oid":"${original.id}"}`)
      expect(post).toContain(
        `"createdAt":{"$date":{"$numberLong":"${Date.parse(original.createdAt)}"}}`,
      )
    })

    it('reads every collection at one point in time while others write', async () => {
      // A database of its own, so these collections stay out of the restore tests.
      const uri = uniqueMongoUri(process.env.MONGODB_URI as string, 'clinica_backup_busy')
      const busy = new MongoClient(uri)
      await busy.connect()
      const other = busy.db()
      try {
        // The writer adds to `b_second` then to `a_first`: at any instant b - a is 0 or 1.
        // The backup reads `a_first` first: without a snapshot it would see `b_second` grow.
        const seedRows = Array.from({ length: 5000 }, (_, seq) => ({ seq }))
        await other.collection('b_second').insertMany(seedRows.map((row) => ({ ...row })))
        await other.collection('a_first').insertMany(seedRows.map((row) => ({ ...row })))
        let writing = true
        let written = 5000
        let failed: unknown
        const writer = (async () => {
          while (writing && !failed) {
            await other.collection('b_second').insertOne({ seq: written })
            await other.collection('a_first').insertOne({ seq: written })
            written += 1
          }
        })().catch((error: unknown) => {
          failed = error
        })
        const backups: MongoManifest[] = []
        try {
          while (written < 5050) {
            if (failed) throw failed
            await new Promise((resolve) => setTimeout(resolve, 10))
          }
          for (let i = 0; i < 3; i++) {
            const result = await createBackup({
              databaseUri: uri,
              mediaDir: path.join(scratch, 'no-media'),
              outDir: path.join(scratch, 'busy'),
              now: new Date(Date.UTC(2030, 0, 1, 0, 0, i)),
            })
            await expect(verifyBackup(result.archive, 'mongodb')).resolves.toEqual(result.manifest)
            backups.push(mongoManifest(result.manifest))
          }
        } finally {
          writing = false
          await writer
        }
        if (failed) throw failed
        expect(written).toBeGreaterThan(5050)
        for (const backup of backups) {
          const { a_first: a = 0, b_second: b = 0 } = manifestCounts(backup)
          expect(a).toBeGreaterThanOrEqual(5000)
          if (backup.database.consistency === 'snapshot') expect([0, 1]).toContain(b - a)
        }
      } finally {
        await other.dropDatabase()
        await busy.close()
      }
    }, 60_000)
  })

  describe('restore', () => {
    it('refuses a damaged, truncated or SQLite archive and changes nothing', async () => {
      const truncated = path.join(scratch, 'truncated.tar.gz')
      const bytes = await readFile(archive)
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
      const posts = collectionFile(collectionOf('posts'))
      const editedDocument = await repack(async (root) => {
        const file = path.join(root, posts)
        await writeFile(
          file,
          (await readFile(file, 'utf8')).replace(original.title, 'Altro titolo'),
        )
      })
      const cutDocument = await repack(async (root) => {
        // Cut the last document in half and make the manifest agree on size and checksum.
        const file = path.join(root, posts)
        const text = await readFile(file, 'utf8')
        await writeFile(file, text.slice(0, text.length - 20))
        const manifestFile = path.join(root, MANIFEST_FILE)
        const data = JSON.parse(await readFile(manifestFile, 'utf8')) as MongoManifest
        const entry = data.database.collections.find((candidate) => candidate.file === posts)
        if (!entry) throw new Error('posts are not in the manifest')
        entry.size = (await readFile(file)).length
        entry.sha256 = await sha256File(file)
        await writeFile(manifestFile, JSON.stringify(data))
      })

      // A SQLite backup of another installation.
      const sqliteDir = path.join(scratch, 'sqlite')
      await mkdir(sqliteDir)
      const sqlite = createClient({ url: `file:${path.join(sqliteDir, 'other.db')}` })
      await sqlite.execute('CREATE TABLE scratch (id INTEGER PRIMARY KEY)')
      sqlite.close()
      const { archive: sqliteArchive } = await createBackup({
        databaseUri: `file:${path.join(sqliteDir, 'other.db')}`,
        mediaDir: path.join(sqliteDir, 'media'),
        outDir: sqliteDir,
      })

      const before = await currentState()
      const attempts: [string, RegExp][] = [
        [truncated, /cannot (read|unpack) .*truncated\.tar\.gz/],
        [editedDocument, new RegExp(`${escapeRegExp(posts)}: sha256 does not match`)],
        [cutDocument, new RegExp(`${escapeRegExp(posts)} line \\d+: `)],
        [sqliteArchive, /backup of a SQLite database, but DATABASE_URI points to MongoDB/],
      ]
      for (const [candidate, message] of attempts) {
        const restore = restoreBackup({ archive: candidate, databaseUri, mediaDir, backupDir: out })
        await expect(restore).rejects.toThrow(BackupError)
        await expect(restore).rejects.toThrow(message)
      }
      expect(await currentState()).toEqual(before)
    })

    it('puts the previous data back when the replacement fails halfway', async () => {
      // Edits after the backup.
      await ctx.payload.update({
        collection: 'posts',
        id: original.id,
        data: { title: CHANGED_TITLE },
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
      expect(existsSync(path.join(mediaDir, PORTRAIT))).toBe(false)

      // A validator the backup's categories break: their insert fails after other collections
      // were already replaced.
      const categories = collectionOf('categories')
      await db.command({ collMod: categories, validator: { slug: { $ne: CATEGORY } } })
      const before = await currentState()
      const now = new Date(2031, 0, 1, 0, 0, 0)
      try {
        const restore = restoreBackup({ archive, databaseUri, mediaDir, backupDir: out, now })
        await expect(restore).rejects.toThrow(/^restore failed, the previous data was put back /)
        await expect(restore).rejects.toThrow(/Document failed validation/)
      } finally {
        await db.command({ collMod: categories, validator: {} })
      }
      const safety = beforeRestoreArchive(out, now)
      expect(await currentState()).toEqual({
        ...before,
        backups: [...before.backups, path.basename(safety)].sort(),
      })
      expect(existsSync(movedAsideName(mediaDir, now))).toBe(false)
      // The archive of the data before the attempt is a complete backup.
      const previous = mongoManifest(await verifyBackup(safety, 'mongodb'))
      expect(manifestCounts(previous)).toEqual(counts(before.data))
      expect(manifestCounts(previous)[categories]).toBe(
        (manifestCounts(manifest)[categories] ?? 0) - 1,
      )
    }, 60_000)

    it('puts back every document, id and date of the backup, keeping the current data', async () => {
      const changed = await dumpAll(db)
      const now = new Date(2031, 0, 1, 0, 0, 5)
      const result = await restoreBackup({ archive, databaseUri, mediaDir, backupDir: out, now })

      expect(result.manifest).toEqual(manifest)
      expect(result.movedAside).toEqual([
        beforeRestoreArchive(out, now),
        movedAsideName(mediaDir, now),
      ])
      expect(await dumpAll(db)).toEqual(backedUp)
      expect(await indexNames('posts')).toEqual(postIndexes)

      // The current data was kept: the database as an archive, the media folder moved aside.
      const previous = mongoManifest(await verifyBackup(beforeRestoreArchive(out, now), 'mongodb'))
      expect(manifestCounts(previous)).toEqual(counts(changed))
      expect(existsSync(path.join(movedAsideName(mediaDir, now), PORTRAIT))).toBe(false)
      expect(await sha256File(path.join(mediaDir, PORTRAIT))).toBe(
        manifest.media.files.find((file) => file.path === PORTRAIT)?.sha256,
      )

      // Payload reads the backup's documents under their original ObjectIds and dates.
      const post = await findPost()
      expect(post?.id).toMatch(/^[0-9a-f]{24}$/)
      expect(
        post && {
          id: post.id,
          title: post.title,
          createdAt: post.createdAt,
          updatedAt: post.updatedAt,
        },
      ).toEqual(original)
      expect(original.title).not.toBe(CHANGED_TITLE)
      const category = await ctx.payload.count({
        collection: 'categories',
        where: { slug: { equals: CATEGORY } },
      })
      const media = await ctx.payload.count({
        collection: 'media',
        where: { filename: { equals: PORTRAIT } },
      })
      expect({ category: category.totalDocs, media: media.totalDocs }).toEqual({
        category: 1,
        media: 1,
      })
    }, 60_000)
  })
})
