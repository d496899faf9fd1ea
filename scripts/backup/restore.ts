/**
 * `npm run restore -- <archive.tar.gz> [--yes]`: verifies a backup, then (with `--yes`, server
 * stopped) replaces the current data with the backup's. The current data is kept: on SQLite the
 * database and media are moved aside to `<name>.before-restore-<timestamp>`; on MongoDB the
 * documents are first saved as `backups/clinica-backup-<timestamp>-before-restore.tar.gz` and the
 * media folder is moved aside. Refused (nothing changed) while a server runs on the database, and
 * for an archive that is truncated, of the other engine, of another app or of a newer schema.
 * After a restore, the pages cached in Redis (REDIS_URL) are expired, so the next start serves
 * the restored content (the in-memory page cache is empty at every start anyway).
 * Exit codes: 0 restored, 1 failed or refused (nothing changed), 2 bad arguments or `--yes`
 * missing (nothing changed).
 */
import { loadEnvFiles } from '@/lib/load-env-files'

import { resetPageCache } from './page-cache'
import {
  DEFAULT_BACKUP_DIR,
  RESTORE_USAGE,
  appIdentity,
  UsageError,
  describeBackup,
  parseRestoreArgs,
  restoreBackup,
  verifyBackup,
} from './lib'
import { s3RestoreNote } from './s3'

loadEnvFiles()

let args: ReturnType<typeof parseRestoreArgs>
try {
  args = parseRestoreArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`${error.message}\n${RESTORE_USAGE}`)
  process.exit(2)
}
if (args.help || !args.archive) {
  console.log(RESTORE_USAGE)
  process.exit(0)
}

try {
  const { getEnv } = await import('@/lib/env')
  const env = getEnv()
  if (!args.yes) {
    const manifest = await verifyBackup(args.archive, env.databaseKind, await appIdentity())
    console.log(
      `Archive verified: backup of ${manifest.createdAt} (app ${manifest.appVersion}, ` +
        `${describeBackup(manifest)}).`,
    )
    if (env.s3) console.warn(s3RestoreNote(env.s3.bucket, manifest.media.files.length))
    console.error(
      'Not restored: the server must be stopped; pass --yes to replace the current data.',
    )
    process.exit(2)
  }
  const { manifest, movedAside, staleServers } = await restoreBackup({
    archive: args.archive,
    databaseUri: env.databaseUri,
    mediaDir: env.mediaDir,
    backupDir: DEFAULT_BACKUP_DIR,
  })
  for (const note of staleServers) console.warn(`Note: ${note}`)
  console.log(`Restored the backup of ${manifest.createdAt} (app ${manifest.appVersion}).`)
  for (const file of movedAside) console.log(`  previous data kept at ${file}`)
  if (env.redisUrl) {
    const reset = await resetPageCache(env.redisUrl)
    if (reset)
      console.log('  pages cached in Redis expired: the next start serves the restored content')
    else {
      console.error(
        'Restored, but Redis could not be reached to expire its cached pages: run the restore ' +
          'again once Redis is up, or empty its clinica:page-cache:* keys, before starting the site.',
      )
      process.exit(1)
    }
  }
  if (env.s3) console.warn(s3RestoreNote(env.s3.bucket, manifest.media.files.length))
  process.exit(0)
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
