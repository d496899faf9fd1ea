/**
 * Whether an archive fits this app: written by this app (manifest `app`), with a database schema
 * this code knows (every migration applied to the copy is one of ours). An archive from a newer
 * release (a migration we do not have) would start a server on tables it does not expect: it is
 * refused before anything is touched. The migrations are read from the database copy itself, so
 * archives written before the manifest recorded them are checked too.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { BackupError, errorMessage } from './errors'
import { DATABASE_FILE, collectionFile, type BackupManifest, type Engine } from './manifest'

const MIGRATIONS_COLLECTION = 'payload-migrations'
/** Payload's marker row for a schema pushed in development: not a migration. */
const DEV_PUSH = 'dev'

/** Names of the migrations recorded in a backup folder's database copy. */
export async function archiveMigrations(root: string, engine: Engine): Promise<string[]> {
  if (engine === 'sqlite') {
    const client = createClient({ url: `file:${path.join(root, DATABASE_FILE)}` })
    try {
      const table = await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'",
      )
      if (table.rows.length === 0) return []
      const rows = await client.execute('SELECT name FROM payload_migrations ORDER BY name')
      return rows.rows.map((row) => String(row[0])).filter((name) => name !== DEV_PUSH)
    } catch (error) {
      throw new BackupError(
        `cannot read the migrations of the database copy: ${errorMessage(error)}`,
      )
    } finally {
      client.close()
    }
  }
  const file = path.join(root, collectionFile(MIGRATIONS_COLLECTION))
  if (!existsSync(file)) return []
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { name?: unknown }).name)
    .filter((name): name is string => typeof name === 'string' && name !== DEV_PUSH)
    .sort()
}

export type AppIdentity = {
  /** package.json `name` of this app. */
  app: string
  /** Names of the migrations this code ships (migrations/index.ts). */
  knownMigrations: string[]
}

/** Throws, naming the reason, unless the archive belongs to this app and to a schema it knows. */
export function checkCompatibility(
  manifest: BackupManifest,
  migrations: string[],
  identity: AppIdentity,
): void {
  if (manifest.app !== undefined && manifest.app !== identity.app) {
    throw new BackupError(
      `this archive is a backup of another app ("${manifest.app}"), not of "${identity.app}"`,
    )
  }
  const known = new Set(identity.knownMigrations)
  const unknown = migrations.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new BackupError(
      `this archive has a newer database schema than this version of the app ` +
        `(app ${manifest.appVersion}; migrations this code does not know: ${unknown.join(', ')}): ` +
        'deploy that version (or a later one) first, then restore',
    )
  }
}
