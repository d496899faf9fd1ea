import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, expect, it } from '@jest/globals'

import { createBackup, sqlitePathFromUri } from '@/scripts/backup/lib'

import { QUIET } from './helpers/fixtures'
import { describeOn, setupTestPayload } from './helpers/payload'

/*
 * A disk that really fills up during `npm run restore`: the data lives on a tmpfs just large
 * enough for it, mounted in a private mount namespace (`unshare -rm`: no root needed where
 * unprivileged user namespaces are allowed, and nothing visible outside the test). The restore
 * is the real CLI; the kernel answers ENOSPC. The current data must be left exactly in place.
 */
const canMount =
  spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {
    stdio: 'ignore',
  }).status === 0

const MEDIA_BYTES = 400 * 1024
const PAGE = 4096
const pages = (bytes: number) => Math.ceil(bytes / PAGE) * PAGE

/** Runs in the namespace: mounts, copies the data in, restores, and records what is left. */
const SCRIPT = `
set -eu
mount -t tmpfs -o "size=$SIZE" tmpfs "$FULL"
cp "$SOURCE_DB" "$FULL/clinica.db"
cp -r "$SOURCE_MEDIA" "$FULL/media"
( cd "$FULL" && find . -type f | sort | xargs sha256sum ) > "$OUT/before"
set +e
"$NODE" "$TSX" --conditions=production scripts/backup/restore.ts "$ARCHIVE" --yes > "$OUT/log" 2>&1
echo $? > "$OUT/status"
set -e
( cd "$FULL" && find . -type f | sort | xargs sha256sum ) > "$OUT/after"
ls -A "$FULL" > "$OUT/entries"
`

describeOn(
  'sqlite',
  'a disk that fills during the restore (real ENOSPC)',
  'the SQLite file and the media live on the filesystem the tmpfs stands for',
)(() => {
  const ctx = setupTestPayload()
  let archive: string
  let sourceDb: string
  let sourceMedia: string
  /** Bytes in whole pages, as tmpfs counts them. */
  let dataBytes: number
  let unpackedBytes: number
  let archiveDbBytes: number

  beforeAll(async () => {
    sourceDb = sqlitePathFromUri(process.env.DATABASE_URI as string)
    sourceMedia = process.env.MEDIA_DIR as string
    await mkdir(sourceMedia, { recursive: true })
    // Incompressible, so the archive's media take as much room unpacked as on disk.
    await writeFile(path.join(sourceMedia, 'radiografia.jpg'), randomBytes(MEDIA_BYTES))
    await ctx.payload.create({
      collection: 'categories',
      data: { title: 'Avampiede', slug: 'avampiede' },
      ...QUIET,
    })
    archive = (
      await createBackup({
        databaseUri: process.env.DATABASE_URI as string,
        mediaDir: sourceMedia,
        outDir: path.join(ctx.dir, 'backups'),
      })
    ).archive
    dataBytes = pages((await stat(sourceDb)).size) + pages(MEDIA_BYTES)
    // What the archive takes unpacked, file by file (tar -tv lists each size in column 3).
    const listing = execFileSync('tar', ['-tvzf', archive], { encoding: 'utf8' })
    const files = listing
      .split('\n')
      .filter((line) => line.startsWith('-'))
      .map((line) => ({ name: line.split(/\s+/).at(-1) ?? '', size: Number(line.split(/\s+/)[2]) }))
    unpackedBytes = files.reduce((sum, file) => sum + pages(file.size), 0)
    archiveDbBytes = pages(files.find((file) => file.name.endsWith('/database.sqlite'))?.size ?? 0)
  })

  async function restoreOnFullDisk(name: string, size: number) {
    const full = path.join(ctx.dir, `${name}-disk`)
    const out = path.join(ctx.dir, `${name}-out`)
    await mkdir(full)
    await mkdir(out)
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', SCRIPT], {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: {
        ...process.env,
        SIZE: String(size),
        FULL: full,
        OUT: out,
        SOURCE_DB: sourceDb,
        SOURCE_MEDIA: sourceMedia,
        ARCHIVE: archive,
        NODE: process.execPath,
        TSX: path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
        DATABASE_URI: `file:${path.join(full, 'clinica.db')}`,
        MEDIA_DIR: path.join(full, 'media'),
        REDIS_URL: '',
      },
    })
    if (run.status !== 0) throw new Error(`the namespace script failed: ${run.stderr}`)
    const read = (file: string) => readFile(path.join(out, file), 'utf8')
    return {
      status: Number(await read('status')),
      log: await read('log'),
      before: await read('before'),
      after: await read('after'),
      entries: (await read('entries')).split('\n').filter(Boolean).sort(),
    }
  }

  /** Room for the folders tmpfs also counts. */
  const SLACK = 16 * PAGE

  it.each([
    // Room for today's data and half of the archive: the unpacking fills the disk.
    [
      'while unpacking',
      () => dataBytes + unpackedBytes / 2 + SLACK,
      /cannot unpack .*No space left on device/s,
    ],
    // Room for today's data and the unpacked archive: the copies beside the live files fill it.
    [
      'while writing the restored files',
      () => dataBytes + unpackedBytes + archiveDbBytes / 2 + SLACK,
      /disk full\?\), the current data was left in place: ENOSPC/,
    ],
  ])(
    '%s: the restore fails, names the reason and leaves the data as it was',
    async (name, size, reason) => {
      if (!canMount) {
        throw new Error(
          'This machine cannot mount a tmpfs in a private namespace (`unshare -rm`); enable ' +
            'unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) or run as root.',
        )
      }
      const result = await restoreOnFullDisk(name.replace(/\W+/g, '-'), size())
      expect(result.log).toMatch(reason)
      expect(result.status).toBe(1)
      // Same bytes for the database and every media file; no partial copy or temp folder left.
      expect(result.after).toBe(result.before)
      expect(result.entries).toEqual(['clinica.db', 'media'])
    },
    120_000,
  )
})
