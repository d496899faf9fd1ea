/** File-system helpers shared by both engines: names, checksums, listing, copying, moving aside. */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, cp, mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

import { BackupError } from './errors'

export const BACKUP_PREFIX = 'clinica-backup-'
export const DEFAULT_BACKUP_DIR = 'backups'

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

/** Moved-aside name of a file or folder: `<name>.before-restore-<timestamp>`. */
export function movedAsideName(file: string, date: Date): string {
  return `${file}.before-restore-${backupTimestamp(date)}`
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

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

/** Copies the regular files of `from` (missing: nothing) into the new folder `to`. */
export async function copyFolder(
  from: string,
  to: string,
  copy: (from: string, to: string) => Promise<void> = (source, target) => copyFile(source, target),
): Promise<void> {
  await mkdir(to)
  for (const file of await listFiles(from)) {
    const target = path.join(to, file)
    await mkdir(path.dirname(target), { recursive: true })
    await copy(path.join(from, file), target)
  }
}

/** Same-filesystem rename, or copy + delete when the target is on another filesystem. */
export async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true, errorOnExist: true, force: false })
    await rm(from, { recursive: true, force: true })
  }
}

export type AsideMove = { from: string; to: string }

/**
 * Where each existing path in `paths` is to be moved aside by a restore at `now`; refuses, before
 * anything moves, when one of those names is already taken (two restores in the same second).
 */
export function planAside(paths: string[], now: Date): AsideMove[] {
  const moves = paths
    .filter((file) => existsSync(file))
    .map((from) => ({ from, to: movedAsideName(from, now) }))
  const taken = moves.find((entry) => existsSync(entry.to))
  if (taken) throw new BackupError(`${taken.to} already exists: try again in a second`)
  return moves
}
