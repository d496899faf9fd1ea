/**
 * Restore of a verified MongoDB backup folder. MongoDB has no file to move aside, so the current
 * data is first saved as a regular backup archive (`<backups>/clinica-backup-<now>-before-restore
 * .tar.gz`, restorable with `npm run restore`); its unpacked copy is what an automatic rollback
 * puts back if the replacement fails. The media folder is moved aside as in the SQLite restore.
 */
import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

import { readAppName, readAppVersion, withStaging, writeArchive } from './archive'
import { BackupError, errorMessage } from './errors'
import { backupName, move, planAside } from './files'
import { MEDIA_FOLDER, type CollectionEntry, type MongoManifest } from './manifest'
import { connectMongo, dumpMongo, replaceDatabase, type MongoConnection } from './mongodb'

import { describeStale, servedMessage } from '@/lib/server-lock'
import {
  removeMongoLockEntries,
  scanMongoServerLock,
  SERVER_LOCK_COLLECTION,
} from '@/lib/server-lock-mongodb'

export type MongoRestoreTarget = {
  databaseUri: string
  mediaDir: string
  /** Where the archive of the current data is written. */
  backupDir: string
  now: Date
  cwd: string
}

/**
 * Throws, naming every server process and how to stop it, while one uses the database (its
 * lock documents, lib/server-lock-mongodb.ts); removes the entries crashed servers left.
 */
async function refuseWhileServedOn(connection: MongoConnection, now: Date): Promise<string[]> {
  const { live, stale } = await scanMongoServerLock(connection.db, now)
  if (live.length > 0) {
    const where = `MongoDB ${connection.hosts}, database "${connection.database}", collection ${SERVER_LOCK_COLLECTION}`
    throw new BackupError(servedMessage(where, live))
  }
  await removeMongoLockEntries(
    connection.db,
    stale.map(({ entry }) => entry),
  )
  return describeStale(stale)
}

/** `refuseWhileServedOn` with its own connection: the first check, before the archive is read. */
export async function refuseWhileServedMongo(
  databaseUri: string,
  now = new Date(),
): Promise<string[]> {
  const connection = await connectMongo(databaseUri)
  try {
    return await refuseWhileServedOn(connection, now)
  } finally {
    await connection.client.close()
  }
}

/** Name of the archive a restore at `now` saves the current data to. */
export function beforeRestoreArchive(backupDir: string, now: Date): string {
  return path.join(backupDir, `${backupName(now)}-before-restore.tar.gz`)
}

/** Moves the media folder aside and the backup's in; returns how to undo both. */
async function swapMedia(root: string, mediaDir: string, now: Date) {
  const moves = planAside([mediaDir], now)
  const movedAside: typeof moves = []
  let placed = false
  const undo = async () => {
    if (placed) await rm(mediaDir, { recursive: true, force: true })
    for (const entry of movedAside) await rename(entry.to, entry.from)
  }
  try {
    for (const entry of moves) {
      await rename(entry.from, entry.to)
      movedAside.push(entry)
    }
    await mkdir(path.dirname(mediaDir), { recursive: true })
    await move(path.join(root, MEDIA_FOLDER), mediaDir)
    placed = true
  } catch (error) {
    await undo()
    throw new BackupError(`restore failed, nothing was changed: ${errorMessage(error)}`)
  }
  return { movedAside: movedAside.map((entry) => entry.to), undo }
}

/**
 * Replaces the database's documents and the media folder with the backup's. The server must be
 * stopped. Returns the archive of the previous data and the moved-aside media folder.
 */
export async function restoreMongo(
  root: string,
  manifest: MongoManifest,
  target: MongoRestoreTarget,
): Promise<string[]> {
  const { mediaDir, now } = target
  const safetyArchive = beforeRestoreArchive(target.backupDir, now)
  if (existsSync(safetyArchive)) {
    throw new BackupError(`${safetyArchive} already exists: try again in a second`)
  }
  planAside([mediaDir], now) // refuses now, before the database is read, if the name is taken

  const connection = await connectMongo(target.databaseUri)
  try {
    await refuseWhileServedOn(connection, new Date()) // a server started meanwhile
    return await withStaging(async (staging) => {
      let previous: CollectionEntry[] = []
      const { root: previousRoot } = await writeArchive({
        staging,
        name: backupName(now),
        archive: safetyArchive,
        mediaDir,
        createdAt: now,
        appVersion: readAppVersion(target.cwd),
        app: readAppName(target.cwd),
        dumpDatabase: async (folder) => {
          const part = await dumpMongo(connection, folder, mediaDir)
          previous = part.database.collections
          return part
        },
      })

      const media = await swapMedia(root, mediaDir, now)
      try {
        await replaceDatabase(connection.db, root, manifest.database.collections)
      } catch (error) {
        const outcome: string[] = []
        try {
          await replaceDatabase(connection.db, previousRoot, previous)
          outcome.push('the previous data was put back')
        } catch (rollbackError) {
          outcome.push(
            `putting the previous data back failed too (${errorMessage(rollbackError)}): ` +
              `restore it with npm run restore -- ${safetyArchive} --yes`,
          )
        }
        try {
          await media.undo()
        } catch (mediaError) {
          outcome.push(`the media folder could not be put back: ${errorMessage(mediaError)}`)
        }
        throw new BackupError(
          `restore failed, ${outcome.join('; ')} (a copy is kept at ${safetyArchive}): ` +
            errorMessage(error),
        )
      }
      return [safetyArchive, ...media.movedAside]
    })
  } finally {
    await connection.client.close()
  }
}
