import { mkdirSync } from 'node:fs'
import path from 'node:path'

/**
 * The folder of a `file:` database, created if missing: SQLite creates the file but not its
 * folder, and `data/` does not exist in a fresh clone.
 */
export function ensureSqliteDirectory(databaseUri: string, cwd = process.cwd()): string {
  const file = databaseUri.replace(/^file:(\/\/)?/, '')
  const directory = path.dirname(path.resolve(cwd, file))
  mkdirSync(directory, { recursive: true })
  return directory
}
