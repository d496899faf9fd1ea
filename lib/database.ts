import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import { migrations } from '@/migrations'

import type { Env } from './env'
import { ensureSqliteDirectory } from './sqlite-directory'

/**
 * SQLite (embedded, the default) or MongoDB (production), chosen by DATABASE_URI.
 * SQLite never pushes a development schema: every schema change is a committed migration,
 * applied by `npm run migrate` and automatically when a production server starts.
 */
export function databaseAdapter(env: Pick<Env, 'databaseKind' | 'databaseUri'>) {
  if (env.databaseKind === 'mongodb') {
    // MongoDB needs no schema migrations; its own folder keeps the SQLite ones away from it.
    // Indexes (unique slugs among them) are built before the first request, not in the background.
    return mongooseAdapter({
      url: env.databaseUri,
      migrationDir: 'migrations/mongodb',
      ensureIndexes: true,
    })
  }
  ensureSqliteDirectory(env.databaseUri)
  return sqliteAdapter({
    client: { url: env.databaseUri },
    wal: true,
    // String ids (UUIDs) like MongoDB's ObjectIds: one id type for both engines, so every test
    // on the embedded database exercises the id handling production needs. Never reused.
    idType: 'uuid',
    busyTimeout: 10_000,
    push: false,
    // No `transactionOptions`: Payload then runs SQLite without transactions (its default).
    // Enabling them needs a busy timeout on every libSQL connection, and @libsql/client opens a
    // fresh connection after each transaction without one, so concurrent requests would fail
    // with SQLITE_BUSY. Consequence, seen in the crash test: a create cut by a crash can leave a
    // post row without its version row. Acknowledged writes are always complete.
    migrationDir: 'migrations',
    prodMigrations: migrations,
  })
}
