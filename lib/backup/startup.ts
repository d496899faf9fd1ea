/**
 * What a server does with its database when it starts (instrumentation.ts), before any request:
 * checks the SQLite file's integrity (a damaged database stops the start, with the reason) and
 * takes the server lock that `npm run restore` respects (lib/server-lock.ts). Versions that a
 * crash left missing are rebuilt when Payload initialises (./repair-versions.ts, onInit).
 * MongoDB: nothing to check here; the lock is a document in the database itself
 * (lib/server-lock-mongodb.ts).
 */
import type { Env } from '@/lib/env'
import { holdServerLock, type HeldLock } from '@/lib/server-lock'
import { holdMongoServerLock } from '@/lib/server-lock-mongodb'
import { quickCheck, sqlitePathFromUri } from '@/scripts/backup/sqlite'

export class DatabaseCheckError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseCheckError'
  }
}

const SERVER = Symbol.for('clinica-blog.server-process')
const registry = globalThis as typeof globalThis & { [SERVER]?: HeldLock | true }

/** True in a running app server (set by `prepareDatabase`), false in scripts and tests. */
export const isServerProcess = (): boolean => Boolean(registry[SERVER])

export async function prepareDatabase(
  env: Pick<Env, 'databaseKind' | 'databaseUri'>,
): Promise<HeldLock | undefined> {
  if (registry[SERVER]) return undefined // `next dev` may run register() again
  if (env.databaseKind !== 'sqlite') {
    const lock = await holdMongoServerLock(env.databaseUri)
    registry[SERVER] = lock
    return lock
  }
  const file = sqlitePathFromUri(env.databaseUri)
  const problem = await quickCheck(file)
  if (problem) {
    throw new DatabaseCheckError(
      `The database ${file} failed its integrity check (${problem}). The server does not start ` +
        'on a damaged database: restore the latest backup (npm run restore -- <archive> --yes).',
    )
  }
  const lock = holdServerLock(file)
  registry[SERVER] = lock
  return lock
}
