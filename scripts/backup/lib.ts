/**
 * Backup and restore of the embedded SQLite database and the uploaded media.
 *
 * A backup is a `.tar.gz` holding one folder, `clinica-backup-YYYYMMDD-HHmmss/`, with:
 *   - `database.sqlite`: a transactionally consistent copy made with `VACUUM INTO` (safe while the
 *     server is writing, WAL mode included), checked with `PRAGMA integrity_check`;
 *   - `media/`: a copy of the uploads folder;
 *   - `manifest.json`: creation time, source, app version, sizes and sha256 of every file.
 *
 * A restore verifies the whole archive in a temporary folder before touching anything, then moves
 * the current database (with its -wal/-shm files) and media folder aside (never deleting them)
 * and puts the restored files in their place.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createClient } from '@libsql/client'
import { z } from 'zod'

export const BACKUP_PREFIX = 'clinica-backup-'
export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_FILE = 'database.sqlite'
export const MEDIA_FOLDER = 'media'
export const DEFAULT_BACKUP_DIR = 'backups'
export const MONGODB_MESSAGE = 'Backups of MongoDB use mongodump: see the README'

/** A problem the operator can act on; the CLIs print its message and exit 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/** Bad command-line arguments; the CLIs print the message and usage and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

const pad = (value: number) => String(value).padStart(2, '0')

/** `YYYYMMDD-HHmmss` in local time, used in archive and "moved aside" names. */
export function backupTimestamp(date: Date): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  )
}

export function backupName(date: Date): string {
  return `${BACKUP_PREFIX}${backupTimestamp(date)}`
}

/**
 * The SQLite file behind a `file:` DATABASE_URI, resolved against `cwd` the way libSQL does
 * (`file:./data/clinica.db`, `file:data/clinica.db`, `file:/abs/path.db`, `file:///abs/path.db`).
 * MongoDB URIs are refused with a pointer to mongodump.
 */
export function sqlitePathFromUri(databaseUri: string, cwd: string = process.cwd()): string {
  const uri = databaseUri.trim()
  if (/^mongodb(\+srv)?:/.test(uri)) throw new BackupError(MONGODB_MESSAGE)
  if (!uri.startsWith('file:')) {
    throw new BackupError(`DATABASE_URI must be a SQLite "file:" URL, got "${uri}"`)
  }
  let rest = uri.slice('file:'.length).replace(/[?#].*$/, '')
  // file://localhost/abs or file:///abs: an absolute path after the authority.
  if (rest.startsWith('//')) rest = rest.replace(/^\/\/(localhost)?/, '')
  if (rest === '') throw new BackupError(`DATABASE_URI "${uri}" names no database file`)
  return path.resolve(cwd, decodeURIComponent(rest))
}

/** Moved-aside name of a file or folder: `<name>.before-restore-<timestamp>`. */
export function movedAsideName(file: string, date: Date): string {
  return `${file}.before-restore-${backupTimestamp(date)}`
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

// ---------------------------------------------------------------------------------------------
// Manifest
// ---------------------------------------------------------------------------------------------

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex')
const fileEntry = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256,
})

export const manifestSchema = z.object({
  format: z.literal('clinica-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  source: z.object({ databasePath: z.string(), mediaDir: z.string() }),
  database: z.object({ file: z.literal(DATABASE_FILE), size: z.number().int(), sha256 }),
  media: z.object({ folder: z.literal(MEDIA_FOLDER), files: z.array(fileEntry) }),
})

export type BackupManifest = z.infer<typeof manifestSchema>
export type MediaFile = z.infer<typeof fileEntry>

/** Regular files under `dir`, as sorted POSIX relative paths; other file types are an error. */
export async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const files: string[] = []
  const walk = async (relative: string) => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(child)
      else if (entry.isFile()) files.push(child)
      else throw new BackupError(`${path.join(dir, child)} is not a regular file or folder`)
    }
  }
  await walk('')
  return files.sort()
}

async function describeFiles(dir: string): Promise<MediaFile[]> {
  const entries: MediaFile[] = []
  for (const file of await listFiles(dir)) {
    const absolute = path.join(dir, file)
    entries.push({
      path: file,
      size: (await stat(absolute)).size,
      sha256: await sha256File(absolute),
    })
  }
  return entries
}

export async function buildManifest(options: {
  root: string
  createdAt: Date
  appVersion: string
  databasePath: string
  mediaDir: string
}): Promise<BackupManifest> {
  const database = path.join(options.root, DATABASE_FILE)
  return {
    format: 'clinica-backup',
    formatVersion: 1,
    createdAt: options.createdAt.toISOString(),
    appVersion: options.appVersion,
    source: { databasePath: options.databasePath, mediaDir: options.mediaDir },
    database: {
      file: DATABASE_FILE,
      size: (await stat(database)).size,
      sha256: await sha256File(database),
    },
    media: {
      folder: MEDIA_FOLDER,
      files: await describeFiles(path.join(options.root, MEDIA_FOLDER)),
    },
  }
}

/** `PRAGMA integrity_check` on a SQLite file; throws unless it answers exactly `ok`. */
export async function checkIntegrity(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute('PRAGMA integrity_check')
    const answers = result.rows.map((row) => String(row[0]))
    if (answers.length !== 1 || answers[0] !== 'ok') {
      throw new BackupError(
        `the database copy failed PRAGMA integrity_check: ${answers.slice(0, 5).join('; ')}`,
      )
    }
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(
      `the database copy is not a readable SQLite database: ${errorMessage(error)}`,
    )
  } finally {
    client.close()
  }
}

/**
 * Checks an unpacked backup folder against its manifest: database checksum, every media file's
 * size and checksum, no missing or unexpected media, and the database's integrity.
 */
export async function verifyBackupDir(root: string): Promise<BackupManifest> {
  const manifestPath = path.join(root, MANIFEST_FILE)
  if (!existsSync(manifestPath)) throw new BackupError(`the archive has no ${MANIFEST_FILE}`)
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(manifestPath, 'utf8'))
  } catch (error) {
    throw new BackupError(`${MANIFEST_FILE} is not valid JSON: ${errorMessage(error)}`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new BackupError(
      `${MANIFEST_FILE} is not a Clinica backup manifest (${issues.join('; ')})`,
    )
  }
  const manifest = parsed.data
  const problems: string[] = []

  const database = path.join(root, DATABASE_FILE)
  if (!existsSync(database)) {
    problems.push(`${DATABASE_FILE} is missing`)
  } else if ((await sha256File(database)) !== manifest.database.sha256) {
    problems.push(`${DATABASE_FILE}: sha256 does not match the manifest`)
  }

  const mediaRoot = path.join(root, MEDIA_FOLDER)
  const present = new Set(await listFiles(mediaRoot))
  for (const entry of manifest.media.files) {
    const file = path.join(mediaRoot, entry.path)
    if (!present.delete(entry.path)) {
      problems.push(`media/${entry.path} is missing`)
    } else if ((await stat(file)).size !== entry.size) {
      problems.push(`media/${entry.path}: size does not match the manifest`)
    } else if ((await sha256File(file)) !== entry.sha256) {
      problems.push(`media/${entry.path}: sha256 does not match the manifest`)
    }
  }
  for (const extra of present) problems.push(`media/${extra} is not listed in the manifest`)

  if (problems.length > 0) {
    throw new BackupError(`the archive is damaged or was altered:\n  - ${problems.join('\n  - ')}`)
  }
  await checkIntegrity(database)
  return manifest
}

// ---------------------------------------------------------------------------------------------
// Archive handling (system tar, never through a shell)
// ---------------------------------------------------------------------------------------------

const errorMessage = (error: unknown) => {
  const stderr = (error as { stderr?: Buffer | string } | null)?.stderr
  const detail = stderr ? String(stderr).trim() : ''
  return detail || (error instanceof Error ? error.message : String(error))
}

function tar(args: string[]): string {
  return execFileSync('tar', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Unpacks `archive` into a new temporary folder and returns the backup folder inside it. */
async function unpack(archive: string): Promise<{ root: string; temp: string }> {
  if (!existsSync(archive)) throw new BackupError(`archive not found: ${archive}`)
  let entries: string[]
  try {
    entries = tar(['-tzf', archive]).split('\n').filter(Boolean)
  } catch (error) {
    throw new BackupError(`cannot read ${archive} as a .tar.gz archive: ${errorMessage(error)}`)
  }
  const tops = new Set(entries.map((entry) => entry.replace(/^\.\//, '').split('/')[0]))
  const unsafe = entries.find((entry) => entry.startsWith('/') || entry.split('/').includes('..'))
  const top = [...tops][0]
  if (unsafe) throw new BackupError(`the archive contains an unsafe path: ${unsafe}`)
  if (tops.size !== 1 || !top || !top.startsWith(BACKUP_PREFIX)) {
    throw new BackupError(
      `${archive} is not a Clinica backup (expected a single "${BACKUP_PREFIX}…" folder)`,
    )
  }
  const temp = await mkdtemp(path.join(tmpdir(), 'clinica-restore-'))
  try {
    tar(['-xzf', archive, '-C', temp, '--no-same-owner'])
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw new BackupError(`cannot unpack ${archive}: ${errorMessage(error)}`)
  }
  return { root: path.join(temp, top), temp }
}

function readAppVersion(cwd: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as {
      version?: unknown
    }
    return typeof pkg.version === 'string' ? pkg.version : 'unknown'
  } catch {
    return 'unknown'
  }
}

// ---------------------------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------------------------

export type BackupOptions = {
  databaseUri: string
  mediaDir: string
  outDir?: string
  now?: Date
  /** Folder relative paths are resolved against; defaults to the process's. */
  cwd?: string
}

export type BackupResult = { archive: string; size: number; manifest: BackupManifest }

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const cwd = options.cwd ?? process.cwd()
  const databasePath = sqlitePathFromUri(options.databaseUri, cwd)
  if (!existsSync(databasePath)) {
    throw new BackupError(`the database file does not exist: ${databasePath}`)
  }
  const mediaDir = path.resolve(cwd, options.mediaDir)
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_BACKUP_DIR)
  const now = options.now ?? new Date()
  const name = backupName(now)
  const archive = path.join(outDir, `${name}.tar.gz`)
  if (existsSync(archive)) throw new BackupError(`${archive} already exists`)

  const staging = await mkdtemp(path.join(tmpdir(), 'clinica-backup-'))
  try {
    const root = path.join(staging, name)
    await mkdir(root)
    const copy = path.join(root, DATABASE_FILE)

    // VACUUM INTO reads inside one transaction: a consistent snapshot while others write.
    const client = createClient({ url: `file:${databasePath}` })
    try {
      await client.execute('PRAGMA busy_timeout = 10000')
      await client.execute({ sql: 'VACUUM INTO ?', args: [copy] })
    } catch (error) {
      throw new BackupError(`cannot copy the database ${databasePath}: ${errorMessage(error)}`)
    } finally {
      client.close()
    }
    await checkIntegrity(copy)

    const mediaCopy = path.join(root, MEDIA_FOLDER)
    await mkdir(mediaCopy)
    for (const file of await listFiles(mediaDir)) {
      const target = path.join(mediaCopy, file)
      await mkdir(path.dirname(target), { recursive: true })
      await copyFile(path.join(mediaDir, file), target)
    }

    const manifest = await buildManifest({
      root,
      createdAt: now,
      appVersion: readAppVersion(cwd),
      databasePath,
      mediaDir,
    })
    await writeFile(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

    await mkdir(outDir, { recursive: true })
    // Written under a temporary name first: an interrupted run never leaves a plausible archive.
    const partial = `${archive}.partial`
    try {
      tar(['-czf', partial, '-C', staging, name])
      await rename(partial, archive)
    } catch (error) {
      await rm(partial, { force: true })
      throw new BackupError(`cannot write ${archive}: ${errorMessage(error)}`)
    }
    return { archive, size: (await stat(archive)).size, manifest }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

/** Unpacks and verifies an archive without changing anything; returns its manifest. */
export async function verifyBackup(archive: string): Promise<BackupManifest> {
  const { root, temp } = await unpack(path.resolve(archive))
  try {
    return await verifyBackupDir(root)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

export type RestoreOptions = {
  archive: string
  databaseUri: string
  mediaDir: string
  now?: Date
  cwd?: string
}

export type RestoreResult = { manifest: BackupManifest; movedAside: string[] }

/** Same-filesystem rename, or copy + delete when the target is on another filesystem. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true, errorOnExist: true, force: false })
    await rm(from, { recursive: true, force: true })
  }
}

/**
 * Replaces the current database and media with the archive's. The server must be stopped.
 * Nothing is changed unless the whole archive verifies; the current data is moved aside.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const cwd = options.cwd ?? process.cwd()
  const databasePath = sqlitePathFromUri(options.databaseUri, cwd)
  const mediaDir = path.resolve(cwd, options.mediaDir)
  const now = options.now ?? new Date()

  const { root, temp } = await unpack(path.resolve(cwd, options.archive))
  try {
    const manifest = await verifyBackupDir(root)

    const current = [
      databasePath,
      `${databasePath}-wal`,
      `${databasePath}-shm`,
      `${databasePath}-journal`,
      mediaDir,
    ].filter((file) => existsSync(file))
    const aside = current.map((file) => movedAsideName(file, now))
    const taken = aside.find((file) => existsSync(file))
    if (taken) throw new BackupError(`${taken} already exists: try again in a second`)

    const movedAside: string[] = []
    const placed: string[] = []
    try {
      for (const [index, file] of current.entries()) {
        await rename(file, aside[index] as string)
        movedAside.push(aside[index] as string)
      }
      await mkdir(path.dirname(databasePath), { recursive: true })
      const incoming = `${databasePath}.restoring`
      await copyFile(path.join(root, DATABASE_FILE), incoming)
      await rename(incoming, databasePath)
      placed.push(databasePath)
      await mkdir(path.dirname(mediaDir), { recursive: true })
      await move(path.join(root, MEDIA_FOLDER), mediaDir)
      placed.push(mediaDir)
    } catch (error) {
      // Put everything back the way it was.
      for (const file of placed) await rm(file, { recursive: true, force: true })
      await rm(`${databasePath}.restoring`, { force: true })
      for (const [index, file] of movedAside.entries()) await rename(file, current[index] as string)
      throw new BackupError(
        `restore failed, the current data was left in place: ${errorMessage(error)}`,
      )
    }
    return { manifest, movedAside }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Command-line arguments
// ---------------------------------------------------------------------------------------------

export const BACKUP_USAGE = 'Usage: npm run backup [-- --out DIR]'
export const RESTORE_USAGE = 'Usage: npm run restore -- <archive.tar.gz> [--yes]'

const asUsageError = <T>(parse: () => T): T => {
  try {
    return parse()
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

const backupArgs = z.object({
  help: z.boolean().default(false),
  out: z.string().trim().min(1, '--out needs a folder').optional(),
})

export function parseBackupArgs(argv: string[]): z.infer<typeof backupArgs> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: { out: { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  )
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(' ')}`)
  const result = backupArgs.safeParse(values)
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join('; '))
  return result.data
}

const restoreArgs = z.object({
  help: z.boolean(),
  yes: z.boolean(),
  archive: z.string().trim().min(1).optional(),
})

export function parseRestoreArgs(argv: string[]): z.infer<typeof restoreArgs> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: { yes: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  )
  const help = values.help === true
  if (positionals.length > 1) throw new UsageError('Pass exactly one archive')
  if (positionals.length === 0 && !help) throw new UsageError('Missing the archive to restore')
  return restoreArgs.parse({ help, yes: values.yes === true, archive: positionals[0] })
}
