/**
 * The MongoDB side of backup and restore, through the Node driver (no mongodump needed).
 *
 * The archive holds `mongodb/<collection>.ejson` for every collection of the app's database:
 * its documents sorted by `_id`, one canonical Extended JSON document a line (see ./ejson.ts).
 * Indexes are not in the archive: Payload declares them and builds them when it starts
 * (`ensureIndexes`), and a restore keeps the target's collections (and so their indexes).
 */
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { MongoClient, type ClientSession, type Db, type Document } from 'mongodb'

import { SERVER_LOCK_COLLECTION } from '@/lib/server-lock-mongodb'

import { countEjsonFile, readEjsonBatches, writeEjsonFile } from './ejson'
import { BackupError, errorMessage } from './errors'
import { sha256File } from './files'
import {
  MONGODB_FOLDER,
  checkListedFiles,
  collectionFile,
  type CollectionEntry,
  type Consistency,
  type MongoManifest,
  type MongoPart,
} from './manifest'

/** Documents per `insertMany` call: bounds the memory a restore uses (the driver splits further). */
const INSERT_BATCH = 500

/** MongoDB's error code for a snapshot older than the server keeps (5 minutes by default). */
const SNAPSHOT_TOO_OLD = 239

export type MongoConnection = { client: MongoClient; db: Db; database: string; hosts: string }

/**
 * Connects to the database DATABASE_URI names (MongoDB's `test` when it names none, as
 * Payload does). Messages name the hosts, never the URI: it may hold a password.
 */
export async function connectMongo(databaseUri: string): Promise<MongoConnection> {
  let client: MongoClient
  try {
    client = new MongoClient(databaseUri, { appName: 'clinica-backup' })
  } catch (error) {
    throw new BackupError(`DATABASE_URI is not a usable MongoDB URL: ${errorMessage(error)}`)
  }
  const hosts = client.options.srvHost ?? client.options.hosts.map(String).join(',')
  try {
    await client.connect()
    await client.db('admin').command({ ping: 1 })
  } catch (error) {
    await client.close().catch(() => undefined)
    throw new BackupError(`cannot connect to MongoDB at ${hosts}: ${errorMessage(error)}`)
  }
  const db = client.db()
  return { client, db, database: db.databaseName, hosts }
}

/**
 * Snapshot reads (every collection read at one point in time) need MongoDB 5.0 or later
 * (wire version 13) on a replica set or a sharded cluster; a standalone server only gives
 * per-document consistency, so the site should be quiet while it is backed up.
 */
export function readConsistency(hello: Document): Consistency {
  const clustered = typeof hello.setName === 'string' || hello.msg === 'isdbgrid'
  return clustered && Number(hello.maxWireVersion) >= 13 ? 'snapshot' : 'per-document'
}

async function serverConsistency(db: Db): Promise<Consistency> {
  const admin = db.admin()
  // `hello` since 4.4.2 (and late 4.2 releases); `isMaster` before.
  const hello = await admin.command({ hello: 1 }).catch(() => admin.command({ isMaster: 1 }))
  return readConsistency(hello)
}

/**
 * The app's collections: real collections (no views), without the server's `system.*` ones and
 * without the running servers' lock entries, which describe processes, not data.
 */
async function collectionNames(db: Db): Promise<string[]> {
  const infos = await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray()
  return infos
    .map((info) => info.name)
    .filter((name) => !name.startsWith('system.') && name !== SERVER_LOCK_COLLECTION)
    .sort()
}

/** Writes `mongodb/<collection>.ejson` for every collection into the backup folder `root`. */
export async function dumpMongo(
  connection: MongoConnection,
  root: string,
  mediaDir: string,
): Promise<MongoPart> {
  const { client, db } = connection
  const consistency = await serverConsistency(db)
  const names = await collectionNames(db)
  await mkdir(path.join(root, MONGODB_FOLDER))

  // One snapshot session: each read sees the data at the cluster time of the first one.
  const session: ClientSession | undefined =
    consistency === 'snapshot' ? client.startSession({ snapshot: true }) : undefined
  const collections: CollectionEntry[] = []
  try {
    for (const name of names) {
      const file = collectionFile(name)
      const absolute = path.join(root, file)
      const cursor = db.collection(name).find(
        {},
        {
          session,
          sort: { _id: 1 },
          // Keep Int32/Double/Int64 and regular expressions as their BSON types, so the canonical
          // EJSON records exactly what is stored (a double 1.0 stays a double).
          promoteValues: false,
          promoteLongs: false,
          bsonRegExp: true,
        },
      )
      const documents = await writeEjsonFile(absolute, cursor)
      collections.push({
        name,
        file,
        documents,
        size: (await stat(absolute)).size,
        sha256: await sha256File(absolute),
      })
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === SNAPSHOT_TOO_OLD) {
      throw new BackupError(
        'the backup took longer than the server keeps a snapshot ' +
          '(minSnapshotHistoryWindowInSeconds, 5 minutes by default): raise it or retry when the site is quiet',
      )
    }
    if (error instanceof BackupError) throw error
    throw new BackupError(`cannot read the MongoDB database: ${errorMessage(error)}`)
  } finally {
    await session?.endSession()
  }
  return {
    engine: 'mongodb',
    source: { database: connection.database, hosts: connection.hosts, mediaDir },
    database: { folder: MONGODB_FOLDER, consistency, collections },
  }
}

/** Problems of the archive's collection files against the manifest: presence, sizes, checksums. */
export async function checkMongoFiles(root: string, manifest: MongoManifest): Promise<string[]> {
  const entries = manifest.database.collections.map((entry) => ({
    path: path.posix.basename(entry.file),
    size: entry.size,
    sha256: entry.sha256,
  }))
  return checkListedFiles(path.join(root, MONGODB_FOLDER), MONGODB_FOLDER, entries)
}

/**
 * Parses every document of every collection file, as the restore will, and compares the counts
 * with the manifest: a damaged archive is refused before anything is touched.
 */
export async function checkMongoDocuments(root: string, manifest: MongoManifest): Promise<void> {
  const problems: string[] = []
  for (const entry of manifest.database.collections) {
    try {
      const count = await countEjsonFile(path.join(root, entry.file), entry.file)
      if (count !== entry.documents) {
        problems.push(`${entry.file}: ${count} documents, the manifest says ${entry.documents}`)
      }
    } catch (error) {
      problems.push(errorMessage(error))
    }
  }
  if (problems.length > 0) {
    throw new BackupError(`the archive's documents are damaged:\n  - ${problems.join('\n  - ')}`)
  }
}

/**
 * Makes the database hold exactly the documents of the backup folder `root`: each collection of
 * `collections` is emptied and refilled, and any other collection is emptied. Collections are
 * never dropped, so their indexes (the unique ones included) and options stay in force. Then
 * every collection is counted again; a difference throws.
 */
export async function replaceDatabase(
  db: Db,
  root: string,
  collections: CollectionEntry[],
): Promise<void> {
  const wanted = new Set(collections.map((entry) => entry.name))
  const others = (await collectionNames(db)).filter((name) => !wanted.has(name))
  for (const name of others) await db.collection(name).deleteMany({})
  for (const entry of collections) {
    const collection = db.collection(entry.name)
    await collection.deleteMany({})
    for await (const batch of readEjsonBatches(
      path.join(root, entry.file),
      entry.file,
      INSERT_BATCH,
    )) {
      await collection.insertMany(batch, { ordered: true })
    }
  }

  const problems: string[] = []
  const expected = [
    ...collections.map((entry) => [entry.name, entry.documents] as const),
    ...others.map((name) => [name, 0] as const),
  ]
  for (const [name, documents] of expected) {
    const count = await db.collection(name).countDocuments({})
    if (count !== documents) problems.push(`${name}: ${count} documents instead of ${documents}`)
  }
  if (problems.length > 0) {
    throw new BackupError(
      `the restored database does not match the backup (is the site still running?):\n  - ${problems.join('\n  - ')}`,
    )
  }
}
