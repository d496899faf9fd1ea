/**
 * The server lock on MongoDB (see lib/server-lock.ts for SQLite): each running app server keeps
 * one document in the `clinica_server_locks` collection of its own database, `_id` `<host>.<pid>`,
 * rewritten by the same heartbeat and judged live or crashed by the same rules. `npm run restore`
 * reads it before touching anything. Backups leave this collection out and restores never empty
 * it, so a restore cannot erase the entries of the servers it must wait for.
 */
import { hostname } from 'node:os'

import { MongoClient, type Db } from 'mongodb'

import {
  classifyEntries,
  HEARTBEAT_MS,
  ownLockEntry,
  parseLockEntry,
  type HeldLock,
  type LockEntryData,
  type LockScan,
} from './server-lock'

export const SERVER_LOCK_COLLECTION = 'clinica_server_locks'

type LockDocument = LockEntryData & { _id: string }
export type MongoLockEntry = LockEntryData & { id: string }

const collectionOf = (db: Db) => db.collection<LockDocument>(SERVER_LOCK_COLLECTION)

/** Reads every entry and sorts live servers from crashed ones. */
export async function scanMongoServerLock(
  db: Db,
  now: Date = new Date(),
): Promise<LockScan<MongoLockEntry>> {
  const documents = await collectionOf(db).find({}).toArray()
  const entries = documents.flatMap(({ _id, ...rest }) => {
    const data = parseLockEntry(rest)
    return data ? [{ ...data, id: String(_id) }] : []
  })
  return classifyEntries(entries, now)
}

/** Removes the entries of servers that are gone. */
export async function removeMongoLockEntries(db: Db, entries: MongoLockEntry[]): Promise<void> {
  if (entries.length === 0) return
  await collectionOf(db).deleteMany({ _id: { $in: entries.map((entry) => entry.id) } })
}

/**
 * Records this process as a server of the database until it exits. An unreachable database
 * does not stop the start (nothing could be served anyway until it returns): the heartbeat
 * keeps trying, and the entry appears with the first write that succeeds.
 */
export async function holdMongoServerLock(
  databaseUri: string,
  log: (message: string) => void = console.warn,
  now: () => Date = () => new Date(),
): Promise<HeldLock> {
  const client = new MongoClient(databaseUri, {
    appName: 'clinica-server-lock',
    serverSelectionTimeoutMS: 5_000,
  })
  const db = client.db()
  const id = `${hostname()}.${process.pid}`
  const startedAt = now().toISOString()
  let failing = false
  const write = async () => {
    try {
      const entry = ownLockEntry(db.databaseName, startedAt, now())
      await collectionOf(db).replaceOne({ _id: id }, entry, { upsert: true })
      if (failing) log(`Server lock: recorded in MongoDB again (${SERVER_LOCK_COLLECTION}/${id}).`)
      failing = false
    } catch (error) {
      // Logged once per outage, not at every beat.
      if (!failing) {
        log(
          `Server lock: cannot write ${SERVER_LOCK_COLLECTION}/${id} (${(error as Error).message}); retrying.`,
        )
      }
      failing = true
    }
  }
  await write()
  const heartbeat = setInterval(() => void write(), HEARTBEAT_MS)
  heartbeat.unref()
  const release = () => {
    clearInterval(heartbeat)
    // Best effort: an exiting process cannot wait; a leftover entry is judged by its pid.
    void collectionOf(db)
      .deleteOne({ _id: id })
      .catch(() => undefined)
      .finally(() => void client.close().catch(() => undefined))
  }
  return { file: `${SERVER_LOCK_COLLECTION}/${id}`, release }
}
