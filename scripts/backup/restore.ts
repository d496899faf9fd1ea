/**
 * `npm run restore -- <archive.tar.gz> [--yes]`: verifies a backup, then (with `--yes`, server
 * stopped) replaces the current data with the backup's. The current data is kept: on SQLite the
 * database and media are moved aside to `<name>.before-restore-<timestamp>`; on MongoDB the
 * documents are first saved as `backups/clinica-backup-<timestamp>-before-restore.tar.gz` and the
 * media folder is moved aside. An archive of the other engine is refused.
 * Exit codes: 0 restored, 1 failed or the archive does not verify (nothing changed), 2 bad
 * arguments or `--yes` missing (nothing changed).
 */
import { loadEnvFiles } from '@/lib/load-env-files'

import {
  DEFAULT_BACKUP_DIR,
  RESTORE_USAGE,
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
    const manifest = await verifyBackup(args.archive, env.databaseKind)
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
  const { manifest, movedAside } = await restoreBackup({
    archive: args.archive,
    databaseUri: env.databaseUri,
    mediaDir: env.mediaDir,
    backupDir: DEFAULT_BACKUP_DIR,
  })
  console.log(`Restored the backup of ${manifest.createdAt} (app ${manifest.appVersion}).`)
  for (const file of movedAside) console.log(`  previous data kept at ${file}`)
  if (env.s3) console.warn(s3RestoreNote(env.s3.bucket, manifest.media.files.length))
  process.exit(0)
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
