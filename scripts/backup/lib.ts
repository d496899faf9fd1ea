/**
 * Backup and restore of the database and the uploaded media, on either engine DATABASE_URI names.
 *
 * A backup is a `.tar.gz` holding one folder, `clinica-backup-YYYYMMDD-HHmmss/`, with:
 *   - the database: `database.sqlite` (SQLite, see ./sqlite.ts) or `mongodb/<collection>.ejson`
 *     for every collection (MongoDB, see ./mongodb.ts);
 *   - `media/`: a copy of the uploads folder;
 *   - `manifest.json`: engine, creation time, source, app version, sizes and sha256 of every file
 *     (and the document count of every MongoDB collection).
 *
 * A restore verifies the whole archive in a temporary folder before touching anything (and
 * refuses an archive of the other engine), keeps the current data (moved aside, or saved as an
 * archive on MongoDB), then puts the backup's data in place.
 */
import { existsSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'

import { readAppName, readAppVersion, unpack, withStaging, writeArchive } from './archive'
import { BackupError } from './errors'
import { DEFAULT_BACKUP_DIR, backupName } from './files'
import {
  MEDIA_FOLDER,
  checkListedFiles,
  engineMismatchMessage,
  readManifest,
  type BackupManifest,
  type Engine,
} from './manifest'
import { checkMongoDocuments, checkMongoFiles, connectMongo, dumpMongo } from './mongodb'
import { refuseWhileServedMongo, restoreMongo } from './mongodb-restore'
import { archiveMigrations, checkCompatibility, type AppIdentity } from './schema'
import {
  checkSqliteDatabase,
  checkSqliteFiles,
  dumpSqlite,
  restoreSqliteFiles,
  sqlitePathFromUri,
  type CopyFile,
} from './sqlite'

import { describeStale, scanServerLock, servedMessage, serverLockDir } from '@/lib/server-lock'

export { BACKUP_USAGE, RESTORE_USAGE, parseBackupArgs, parseRestoreArgs } from './args'
export { BackupError, UsageError } from './errors'
export {
  BACKUP_PREFIX,
  DEFAULT_BACKUP_DIR,
  backupName,
  backupTimestamp,
  listFiles,
  movedAsideName,
  sha256File,
} from './files'
export {
  DATABASE_FILE,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  MONGODB_FOLDER,
  collectionFile,
  manifestSchema,
  type BackupManifest,
  type CollectionEntry,
  type Engine,
  type MediaFile,
  type MongoManifest,
  type SqliteManifest,
} from './manifest'
export { beforeRestoreArchive } from './mongodb-restore'
export { checkIntegrity, sqlitePathFromUri } from './sqlite'
export { archiveMigrations, checkCompatibility, type AppIdentity } from './schema'

/** The engine of a DATABASE_URI, by the rule lib/env.ts uses. */
export function databaseEngine(databaseUri: string): Engine {
  return /^mongodb(\+srv)?:/.test(databaseUri.trim()) ? 'mongodb' : 'sqlite'
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
  const engine = databaseEngine(options.databaseUri)
  const databasePath = engine === 'sqlite' ? sqlitePathFromUri(options.databaseUri, cwd) : ''
  if (databasePath && !existsSync(databasePath)) {
    throw new BackupError(`the database file does not exist: ${databasePath}`)
  }
  const mediaDir = path.resolve(cwd, options.mediaDir)
  const outDir = path.resolve(cwd, options.outDir ?? DEFAULT_BACKUP_DIR)
  const now = options.now ?? new Date()
  const name = backupName(now)
  const archive = path.join(outDir, `${name}.tar.gz`)
  if (existsSync(archive)) throw new BackupError(`${archive} already exists`)

  const write = (dumpDatabase: Parameters<typeof writeArchive>[0]['dumpDatabase']) =>
    withStaging(async (staging) => {
      const { size, manifest } = await writeArchive({
        staging,
        name,
        archive,
        mediaDir,
        createdAt: now,
        appVersion: readAppVersion(cwd),
        app: readAppName(cwd),
        dumpDatabase,
      })
      return { archive, size, manifest }
    })

  if (engine === 'sqlite') return write((root) => dumpSqlite(root, databasePath, mediaDir))
  const connection = await connectMongo(options.databaseUri)
  try {
    return await write((root) => dumpMongo(connection, root, mediaDir))
  } finally {
    await connection.client.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/** This app's name and the migrations its code ships: what an archive must fit. */
export async function appIdentity(cwd: string = process.cwd()): Promise<AppIdentity> {
  const { migrations } = await import('@/migrations')
  return { app: readAppName(cwd), knownMigrations: migrations.map((migration) => migration.name) }
}

/**
 * Checks an unpacked backup folder against its manifest: the app it belongs to and the engine
 * (when given), the database files' checksums, every media file's size and checksum, no missing
 * or unexpected file, then the database itself (SQLite's integrity check; every MongoDB document
 * parsed and counted) and, with `identity`, that its schema is one this code knows.
 */
export async function verifyBackupDir(
  root: string,
  engine?: Engine,
  identity?: AppIdentity,
): Promise<BackupManifest> {
  const manifest = await readManifest(root)
  if (identity) checkCompatibility(manifest, [], identity) // another app: refused at once
  if (engine && manifest.engine !== engine) {
    throw new BackupError(engineMismatchMessage(manifest.engine, engine))
  }
  const problems =
    manifest.engine === 'sqlite'
      ? await checkSqliteFiles(root, manifest)
      : await checkMongoFiles(root, manifest)
  problems.push(
    ...(await checkListedFiles(path.join(root, MEDIA_FOLDER), MEDIA_FOLDER, manifest.media.files)),
  )
  if (problems.length > 0) {
    throw new BackupError(`the archive is damaged or was altered:\n  - ${problems.join('\n  - ')}`)
  }
  if (manifest.engine === 'sqlite') await checkSqliteDatabase(root)
  else await checkMongoDocuments(root, manifest)
  if (identity) {
    checkCompatibility(manifest, await archiveMigrations(root, manifest.engine), identity)
  }
  return manifest
}

/**
 * Unpacks and verifies an archive without changing anything; returns its manifest. With
 * `engine`, an archive of the other engine is refused; with `identity`, another app's or a newer
 * schema's.
 */
export async function verifyBackup(
  archive: string,
  engine?: Engine,
  identity?: AppIdentity,
): Promise<BackupManifest> {
  const { root, temp } = await unpack(path.resolve(archive))
  try {
    return await verifyBackupDir(root, engine, identity)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export type RestoreOptions = {
  archive: string
  databaseUri: string
  mediaDir: string
  /** MongoDB: where the archive of the current data is written (default `backups`). */
  backupDir?: string
  now?: Date
  cwd?: string
  /** What the archive must fit; this app's (appIdentity) by default. */
  identity?: AppIdentity
  /** Test seam: copies a file (default fs copyFile), to simulate a disk that fills up. */
  copyFile?: CopyFile
}

export type RestoreResult = {
  manifest: BackupManifest
  movedAside: string[]
  /** Lock entries of crashed servers that were ignored (and removed). */
  staleServers: string[]
}

/**
 * Replaces the current database and media with the archive's. Refused while a server uses the
 * database (SQLite: its lock, see lib/server-lock.ts). Nothing is changed unless the whole
 * archive verifies, is of DATABASE_URI's engine, of this app and of a schema it knows; the
 * current data is kept (SQLite: moved aside; MongoDB: saved as an archive, media moved aside).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const cwd = options.cwd ?? process.cwd()
  const engine = databaseEngine(options.databaseUri)
  const databasePath = engine === 'sqlite' ? sqlitePathFromUri(options.databaseUri, cwd) : ''
  const mediaDir = path.resolve(cwd, options.mediaDir)
  const now = options.now ?? new Date()
  // MongoDB: checked once the archive is known to fit (a connection is needed to read the lock).
  const staleServers = databasePath ? refuseWhileServed(databasePath) : []
  const identity = options.identity ?? (await appIdentity(cwd))

  // Unpacked beside the data, not in /tmp: the final moves are then renames on one filesystem.
  const { root, temp } = await unpack(
    path.resolve(cwd, options.archive),
    path.dirname(databasePath || mediaDir),
  )
  try {
    const manifest = await verifyBackupDir(root, engine, identity)
    if (databasePath)
      refuseWhileServed(databasePath) // a server started meanwhile
    else staleServers.push(...(await refuseWhileServedMongo(options.databaseUri)))
    const movedAside =
      manifest.engine === 'sqlite'
        ? await restoreSqliteFiles(root, {
            databasePath,
            mediaDir,
            now,
            copyFile: options.copyFile,
          })
        : await restoreMongo(root, manifest, {
            databaseUri: options.databaseUri,
            mediaDir,
            backupDir: path.resolve(cwd, options.backupDir ?? DEFAULT_BACKUP_DIR),
            now,
            cwd,
          })
    return { manifest, movedAside, staleServers }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/**
 * Throws, naming every server process and how to stop it, while one uses the SQLite database;
 * removes the entries crashed servers left and returns a note for each.
 */
export function refuseWhileServed(databasePath: string): string[] {
  const { live, stale } = scanServerLock(databasePath)
  if (live.length > 0) {
    throw new BackupError(servedMessage(`lock ${serverLockDir(databasePath)}`, live))
  }
  for (const { entry } of stale) rmSync(entry.file, { force: true })
  return describeStale(stale)
}

/** One line about an archive's contents, for the command-line tools. */
export function describeBackup(manifest: BackupManifest): string {
  const media = `${manifest.media.files.length} media files`
  if (manifest.engine === 'sqlite') return `database ${manifest.database.size} bytes, ${media}`
  const { collections } = manifest.database
  const documents = collections.reduce((sum, entry) => sum + entry.documents, 0)
  return `MongoDB database "${manifest.source.database}": ${collections.length} collections, ${documents} documents, ${media}`
}
