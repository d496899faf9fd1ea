/**
 * The SQLite side of backup and restore: `database.sqlite` in the archive is a transactionally
 * consistent copy made with `VACUUM INTO` (safe while the server is writing, WAL mode included),
 * checked with `PRAGMA integrity_check`. A restore moves the current database (with its
 * -wal/-shm/-journal files) and media folder aside, never deleting them, and puts the archive's
 * files in their place.
 */
import { existsSync, statSync } from 'node:fs'
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { BackupError, errorMessage } from './errors'
import { copyFolder, planAside, sha256File } from './files'
import { DATABASE_FILE, MEDIA_FOLDER, type SqliteManifest, type SqlitePart } from './manifest'

/**
 * The SQLite file behind a `file:` DATABASE_URI, resolved against `cwd` the way libSQL does
 * (`file:./data/clinica.db`, `file:data/clinica.db`, `file:/abs/path.db`, `file:///abs/path.db`).
 */
export function sqlitePathFromUri(databaseUri: string, cwd: string = process.cwd()): string {
  const uri = databaseUri.trim()
  if (/^mongodb(\+srv)?:/.test(uri)) {
    throw new BackupError('DATABASE_URI is a MongoDB URL, not a SQLite "file:" URL')
  }
  if (!uri.startsWith('file:')) {
    throw new BackupError(`DATABASE_URI must be a SQLite "file:" URL, got "${uri}"`)
  }
  let rest = uri.slice('file:'.length).replace(/[?#].*$/, '')
  // file://localhost/abs or file:///abs: an absolute path after the authority.
  if (rest.startsWith('//')) rest = rest.replace(/^\/\/(localhost)?/, '')
  if (rest === '') throw new BackupError(`DATABASE_URI "${uri}" names no database file`)
  return path.resolve(cwd, decodeURIComponent(rest))
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
 * `PRAGMA quick_check` on the live database (fast: no index-content comparison): the reason it
 * fails, or null when it answers `ok` (or the file does not exist yet).
 */
export async function quickCheck(file: string): Promise<string | null> {
  // Only a file that is there can be damaged. A missing file is created by the migrations; a path
  // SQLite cannot open at all (a directory, no permission) is an unavailable database: the
  // server starts and /api/health reports it, as it does for an unreachable MongoDB.
  if (!existsSync(file) || !statSync(file).isFile()) return null
  let client: ReturnType<typeof createClient>
  try {
    client = createClient({ url: `file:${file}` })
  } catch {
    return null
  }
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    const result = await client.execute('PRAGMA quick_check')
    const answers = result.rows.map((row) => String(row[0]))
    return answers.length === 1 && answers[0] === 'ok'
      ? null
      : `PRAGMA quick_check: ${answers.slice(0, 5).join('; ')}`
  } catch (error) {
    return `not a readable SQLite database: ${errorMessage(error)}`
  } finally {
    client.close()
  }
}

/** Writes `database.sqlite` into the backup folder `root`: a consistent, checked copy. */
export async function dumpSqlite(
  root: string,
  databasePath: string,
  mediaDir: string,
): Promise<SqlitePart> {
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
  return {
    engine: 'sqlite',
    source: { databasePath, mediaDir },
    database: {
      file: DATABASE_FILE,
      size: (await stat(copy)).size,
      sha256: await sha256File(copy),
    },
  }
}

/** Problems of the archive's database file against the manifest (integrity is checked later). */
export async function checkSqliteFiles(root: string, manifest: SqliteManifest): Promise<string[]> {
  const database = path.join(root, DATABASE_FILE)
  if (!existsSync(database)) return [`${DATABASE_FILE} is missing`]
  if ((await sha256File(database)) !== manifest.database.sha256) {
    return [`${DATABASE_FILE}: sha256 does not match the manifest`]
  }
  return []
}

export async function checkSqliteDatabase(root: string): Promise<void> {
  await checkIntegrity(path.join(root, DATABASE_FILE))
}

export type CopyFile = (from: string, to: string) => Promise<void>

/**
 * Puts a verified backup folder's database and media in place of the current ones, which are
 * moved aside; returns the moved-aside paths. Everything that writes data (and so can fail on a
 * full disk) happens first, into `<name>.restoring` beside the live files; only then are the
 * live files swapped by renames, which need no space. On any failure the current data stays (or
 * is put back) in place and the partial copies are removed.
 */
export async function restoreSqliteFiles(
  root: string,
  target: { databasePath: string; mediaDir: string; now: Date; copyFile?: CopyFile },
): Promise<string[]> {
  const { databasePath, mediaDir, now } = target
  const copy = target.copyFile ?? ((from: string, to: string) => copyFile(from, to))
  const moves = planAside(
    [
      databasePath,
      `${databasePath}-wal`,
      `${databasePath}-shm`,
      `${databasePath}-journal`,
      mediaDir,
    ],
    now,
  )
  const incomingDatabase = `${databasePath}.restoring`
  const incomingMedia = `${mediaDir}.restoring`
  const removeIncoming = async () => {
    await rm(incomingDatabase, { force: true })
    await rm(incomingMedia, { recursive: true, force: true })
  }

  try {
    await removeIncoming()
    await mkdir(path.dirname(databasePath), { recursive: true })
    await mkdir(path.dirname(mediaDir), { recursive: true })
    await copy(path.join(root, DATABASE_FILE), incomingDatabase)
    await copyFolder(path.join(root, MEDIA_FOLDER), incomingMedia, copy)
  } catch (error) {
    await removeIncoming()
    throw new BackupError(
      `restore failed while writing the restored files (disk full?), the current data was left ` +
        `in place: ${errorMessage(error)}`,
    )
  }

  const movedAside: typeof moves = []
  const placed: string[] = []
  try {
    for (const entry of moves) {
      await rename(entry.from, entry.to)
      movedAside.push(entry)
    }
    await rename(incomingDatabase, databasePath)
    placed.push(databasePath)
    await rename(incomingMedia, mediaDir)
    placed.push(mediaDir)
  } catch (error) {
    // Put everything back the way it was.
    for (const file of placed) await rm(file, { recursive: true, force: true })
    await removeIncoming()
    for (const entry of movedAside) await rename(entry.to, entry.from)
    throw new BackupError(
      `restore failed, the current data was left in place: ${errorMessage(error)}`,
    )
  }
  return movedAside.map((entry) => entry.to)
}
