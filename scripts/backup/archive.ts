/**
 * The `.tar.gz` archive, the same for both engines: one folder `clinica-backup-YYYYMMDD-HHmmss/`
 * holding the database copy (engine-specific), `media/` and `manifest.json`. Packed and unpacked
 * with the system tar, never through a shell.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { BackupError, errorMessage } from './errors'
import { BACKUP_PREFIX, copyFolder } from './files'
import { archiveMigrations } from './schema'
import {
  MANIFEST_FILE,
  MEDIA_FOLDER,
  describeFiles,
  type BackupManifest,
  type DatabasePart,
} from './manifest'

function tar(args: string[]): string {
  return execFileSync('tar', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Unpacks `archive` into a new temporary folder (in `parent`, default the system's temporary
 * folder) and returns the backup folder inside it.
 */
export async function unpack(
  archive: string,
  parent?: string,
): Promise<{ root: string; temp: string }> {
  if (!existsSync(archive)) throw new BackupError(`archive not found: ${archive}`)
  let entries: string[]
  try {
    entries = tar(['-tzf', archive]).split('\n').filter(Boolean)
  } catch (error) {
    throw new BackupError(
      `cannot read ${archive} as a .tar.gz archive: it is truncated or damaged: ${errorMessage(error)}`,
    )
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
  if (parent) await mkdir(parent, { recursive: true })
  const temp = await mkdtemp(
    parent ? path.join(parent, '.clinica-restore-') : path.join(tmpdir(), 'clinica-restore-'),
  )
  try {
    tar(['-xzf', archive, '-C', temp, '--no-same-owner'])
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw new BackupError(`cannot unpack ${archive}: ${errorMessage(error)}`)
  }
  return { root: path.join(temp, top), temp }
}

function readPackageField(cwd: string, field: 'name' | 'version'): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
    const value = pkg[field]
    return typeof value === 'string' ? value : 'unknown'
  } catch {
    return 'unknown'
  }
}

export const readAppVersion = (cwd: string): string => readPackageField(cwd, 'version')

/** The app a backup belongs to (package.json `name`): another app's archive is refused. */
export const readAppName = (cwd: string): string => readPackageField(cwd, 'name')

export type WriteArchiveOptions = {
  /** Folder the backup folder is built in; the caller removes it. */
  staging: string
  name: string
  archive: string
  mediaDir: string
  createdAt: Date
  appVersion: string
  app: string
  /** Writes the engine's copy of the database into the backup folder and describes it. */
  dumpDatabase: (root: string) => Promise<DatabasePart>
}

/**
 * Builds `<staging>/<name>/` (database copy, media copy, manifest) and packs it into `archive`.
 * The unpacked folder stays in `staging` (the MongoDB restore rolls back from it).
 */
export async function writeArchive(
  options: WriteArchiveOptions,
): Promise<{ root: string; size: number; manifest: BackupManifest }> {
  const { archive, name, staging } = options
  if (existsSync(archive)) throw new BackupError(`${archive} already exists`)
  const root = path.join(staging, name)
  await mkdir(root)
  const database = await options.dumpDatabase(root)
  const migrations = await archiveMigrations(root, database.engine)

  const mediaCopy = path.join(root, MEDIA_FOLDER)
  await copyFolder(options.mediaDir, mediaCopy)
  const manifest: BackupManifest = {
    format: 'clinica-backup',
    formatVersion: 1,
    createdAt: options.createdAt.toISOString(),
    appVersion: options.appVersion,
    app: options.app,
    ...database,
    media: { folder: MEDIA_FOLDER, files: await describeFiles(mediaCopy) },
    migrations,
  }
  await writeFile(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

  await mkdir(path.dirname(archive), { recursive: true })
  // Written under a temporary name first: an interrupted run never leaves a plausible archive.
  const partial = `${archive}.partial`
  try {
    tar(['-czf', partial, '-C', staging, name])
    await rename(partial, archive)
  } catch (error) {
    await rm(partial, { force: true })
    throw new BackupError(`cannot write ${archive}: ${errorMessage(error)}`)
  }
  return { root, size: (await stat(archive)).size, manifest }
}

/** Runs `work` with a new temporary staging folder, removed afterwards whatever happens. */
export async function withStaging<T>(work: (staging: string) => Promise<T>): Promise<T> {
  const staging = await mkdtemp(path.join(tmpdir(), 'clinica-backup-'))
  try {
    return await work(staging)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
