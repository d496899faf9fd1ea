/**
 * @jest-environment node
 */
// A MongoDB archive is verified without a server, so everything a restore refuses before it
// connects is tested here, on every machine. The rest needs a server: tests/int/backup-mongodb.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { BSON, type Document } from 'mongodb'

import { withStaging, writeArchive } from '@/scripts/backup/archive'
import { toEjsonLine, writeEjsonFile } from '@/scripts/backup/ejson'
import {
  BackupError,
  MANIFEST_FILE,
  backupName,
  collectionFile,
  createBackup,
  restoreBackup,
  sha256File,
  verifyBackup,
  type BackupManifest,
  type CollectionEntry,
  type MongoManifest,
} from '@/scripts/backup/lib'

const { ObjectId } = BSON
const PASSWORD = 'pa55-not-in-messages'
/** Nothing listens on port 9 here: a connection fails fast. */
const UNREACHABLE = `mongodb://backup:${PASSWORD}@127.0.0.1:9/clinica?serverSelectionTimeoutMS=200`

const collections: Record<string, Document[]> = {
  posts: [1, 2, 3].map((n) => ({
    _id: new ObjectId(),
    title: `Articolo ${n}`,
    publishedAt: new Date(Date.UTC(2025, 0, n)),
  })),
  users: [{ _id: new ObjectId(), email: 'admin@example.com' }],
  'payload-locked-documents': [],
}

let dir: string
let mediaDir: string
let archive: string
let manifest: MongoManifest

/** A MongoDB archive made by the real packing code, with documents instead of a server. */
async function mongoArchive(
  out: string,
  now: Date,
): Promise<{ archive: string; manifest: BackupManifest }> {
  const file = path.join(out, `${backupName(now)}.tar.gz`)
  return withStaging(async (staging) => {
    const { manifest: written } = await writeArchive({
      staging,
      name: backupName(now),
      archive: file,
      mediaDir,
      createdAt: now,
      appVersion: '0.1.0',
      app: 'clinica-blog',
      dumpDatabase: async (root) => {
        await mkdir(path.join(root, 'mongodb'))
        const entries: CollectionEntry[] = []
        for (const [name, documents] of Object.entries(collections).sort()) {
          const absolute = path.join(root, collectionFile(name))
          const count = await writeEjsonFile(absolute, documents)
          const size = (await readFile(absolute)).length
          entries.push({
            name,
            file: collectionFile(name),
            documents: count,
            size,
            sha256: await sha256File(absolute),
          })
        }
        return {
          engine: 'mongodb',
          source: { database: 'clinica', hosts: '127.0.0.1:27017', mediaDir },
          database: { folder: 'mongodb', consistency: 'snapshot', collections: entries },
        }
      },
    })
    return { archive: file, manifest: written }
  })
}

/** The archive unpacked, changed by `change`, packed again under a new name. */
async function repack(change: (root: string) => Promise<void>): Promise<string> {
  const temp = await mkdtemp(path.join(tmpdir(), 'clinica-tamper-'))
  execFileSync('tar', ['-xzf', archive, '-C', temp])
  const [top] = await readdir(temp)
  await change(path.join(temp, top as string))
  const tampered = path.join(dir, `tampered-${Math.random().toString(36).slice(2)}.tar.gz`)
  execFileSync('tar', ['-czf', tampered, '-C', temp, top as string])
  await rm(temp, { recursive: true, force: true })
  return tampered
}

/** Rewrites a collection file and makes the manifest agree on its size and checksum (not count). */
async function rewriteCollection(root: string, name: string, text: (lines: string[]) => string) {
  const file = path.join(root, collectionFile(name))
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean)
  await writeFile(file, text(lines))
  const manifestFile = path.join(root, MANIFEST_FILE)
  const data = JSON.parse(await readFile(manifestFile, 'utf8')) as MongoManifest
  const entry = data.database.collections.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`no ${name} in the manifest`)
  entry.size = (await readFile(file)).length
  entry.sha256 = await sha256File(file)
  await writeFile(manifestFile, JSON.stringify(data))
}

const editManifest = (change: (data: MongoManifest) => void) => async (root: string) => {
  const file = path.join(root, MANIFEST_FILE)
  const data = JSON.parse(await readFile(file, 'utf8')) as MongoManifest
  change(data)
  await writeFile(file, JSON.stringify(data))
}

const snapshot = async (folder: string) => ({
  entries: (await readdir(folder, { recursive: true })).map(String).sort(),
})

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clinica-verify-'))
  mediaDir = path.join(dir, 'media')
  await mkdir(mediaDir)
  await writeFile(path.join(mediaDir, 'ritratto.png'), 'png bytes')
  const made = await mongoArchive(path.join(dir, 'out'), new Date(2030, 0, 1, 8, 0, 0))
  archive = made.archive
  if (made.manifest.engine !== 'mongodb') throw new Error('expected a MongoDB manifest')
  manifest = made.manifest
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('MongoDB archive verification', () => {
  it('writes every collection with its document count, size and checksum', async () => {
    expect(manifest.engine).toBe('mongodb')
    expect(
      manifest.database.collections.map(({ name, file, documents }) => ({ name, file, documents })),
    ).toEqual([
      {
        name: 'payload-locked-documents',
        file: 'mongodb/payload-locked-documents.ejson',
        documents: 0,
      },
      { name: 'posts', file: 'mongodb/posts.ejson', documents: 3 },
      { name: 'users', file: 'mongodb/users.ejson', documents: 1 },
    ])
    expect(manifest.media.files.map((file) => file.path)).toEqual(['ritratto.png'])
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' })
    expect(listing).toContain(`${backupName(new Date(2030, 0, 1, 8, 0, 0))}/mongodb/posts.ejson`)
    await expect(verifyBackup(archive)).resolves.toEqual(manifest)
    await expect(verifyBackup(archive, 'mongodb')).resolves.toEqual(manifest)
  })

  it('refuses a MongoDB archive on SQLite, naming both engines, and changes nothing', async () => {
    await expect(verifyBackup(archive, 'sqlite')).rejects.toThrow(
      'this archive is a backup of a MongoDB database, but DATABASE_URI points to SQLite: ' +
        'a backup can only be restored onto the engine it was made from',
    )
    const database = path.join(dir, 'clinica.db')
    await writeFile(database, 'current database')
    const before = await snapshot(dir)
    await expect(
      restoreBackup({ archive, databaseUri: `file:${database}`, mediaDir }),
    ).rejects.toThrow(/backup of a MongoDB database, but DATABASE_URI points to SQLite/)
    expect(await readFile(database, 'utf8')).toBe('current database')
    expect(await snapshot(dir)).toEqual(before)
    await rm(database)
  })

  it('refuses a damaged archive before connecting to the server, naming the problem', async () => {
    const truncatedGzip = path.join(dir, 'truncated.tar.gz')
    const bytes = await readFile(archive)
    await writeFile(truncatedGzip, bytes.subarray(0, Math.floor(bytes.length / 2)))

    const attempts: [string, RegExp][] = [
      [truncatedGzip, /cannot (read|unpack) .*truncated\.tar\.gz/],
      [
        await repack(async (root) => {
          const file = path.join(root, collectionFile('posts'))
          await writeFile(file, (await readFile(file, 'utf8')).replace('Articolo 2', 'Articolo X'))
        }),
        /mongodb\/posts\.ejson: sha256 does not match the manifest/,
      ],
      [
        await repack((root) =>
          rewriteCollection(
            root,
            'posts',
            (lines) => `${lines[0]}\n${lines[1]}\n${lines[2]?.slice(0, 30)}`,
          ),
        ),
        /mongodb\/posts\.ejson line 3: /,
      ],
      [
        await repack((root) =>
          rewriteCollection(root, 'posts', (lines) => `${lines[0]}\n${lines[2]}\n`),
        ),
        /mongodb\/posts\.ejson: 2 documents, the manifest says 3/,
      ],
      [
        await repack((root) =>
          rewriteCollection(root, 'posts', (lines) => `${lines[0]}\n${lines[1]}\n${lines[0]}\n`),
        ),
        /mongodb\/posts\.ejson line 3: the _id .* is repeated/,
      ],
      [
        await repack((root) => rm(path.join(root, collectionFile('users')))),
        /mongodb\/users\.ejson is missing/,
      ],
      [
        await repack((root) => writeFile(path.join(root, 'mongodb', 'extra.ejson'), '')),
        /mongodb\/extra\.ejson is not listed in the manifest/,
      ],
      [
        await repack((root) => writeFile(path.join(root, 'media', 'ritratto.png'), 'other bytes!')),
        /media\/ritratto\.png: (size|sha256) does not match/,
      ],
      [
        await repack(
          editManifest((data) => {
            const posts = data.database.collections.find((entry) => entry.name === 'posts')
            if (posts) (posts as { documents: unknown }).documents = 'three'
          }),
        ),
        /manifest\.json is not a Clinica backup manifest \(database\.collections\.1\.documents/,
      ],
      [
        await repack(
          editManifest((data) => {
            const posts = data.database.collections.find((entry) => entry.name === 'posts')
            if (posts) posts.file = '../../etc/passwd'
          }),
        ),
        /database\.collections\.1\.file: does not match the collection name/,
      ],
      [
        await repack((root) => rm(path.join(root, MANIFEST_FILE))),
        /the archive has no manifest\.json/,
      ],
    ]

    const before = await snapshot(dir)
    for (const [candidate, message] of attempts) {
      // An unreachable server: had the restore tried to connect, the error would say so.
      const restore = restoreBackup({
        archive: candidate,
        databaseUri: UNREACHABLE,
        mediaDir,
        backupDir: dir,
      })
      await expect(restore).rejects.toThrow(BackupError)
      await expect(restore).rejects.toThrow(message)
    }
    expect(await snapshot(dir)).toEqual(before)
  })

  it('reports an unreachable server clearly, without the password, and changes nothing', async () => {
    const backups = path.join(dir, 'before-restore')
    const before = await snapshot(dir)
    const restore = restoreBackup({
      archive,
      databaseUri: UNREACHABLE,
      mediaDir,
      backupDir: backups,
    })
    await expect(restore).rejects.toThrow(/^cannot connect to MongoDB at 127\.0\.0\.1:9: /)
    await expect(restore).rejects.not.toThrow(PASSWORD)
    expect(existsSync(backups)).toBe(false) // no archive of the current data was started
    expect(await snapshot(dir)).toEqual(before)

    const backup = createBackup({
      databaseUri: UNREACHABLE,
      mediaDir,
      outDir: path.join(dir, 'new'),
    })
    await expect(backup).rejects.toThrow(/^cannot connect to MongoDB at 127\.0\.0\.1:9: /)
    await expect(backup).rejects.not.toThrow(PASSWORD)
    expect(existsSync(path.join(dir, 'new'))).toBe(false)
  })

  it('keeps documents byte-exact through the archive', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'clinica-read-'))
    execFileSync('tar', ['-xzf', archive, '-C', temp])
    const [top] = await readdir(temp)
    const text = await readFile(path.join(temp, top as string, collectionFile('posts')), 'utf8')
    expect(text).toBe(collections.posts?.map((document) => `${toEjsonLine(document)}\n`).join(''))
    await rm(temp, { recursive: true, force: true })
  })
})
