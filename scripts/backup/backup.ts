/**
 * `npm run backup [-- --out DIR]`: a consistent online copy of the database (SQLite or MongoDB,
 * as DATABASE_URI says) and the uploaded media, packed into
 * `backups/clinica-backup-YYYYMMDD-HHmmss.tar.gz`. Safe while the server is running. With
 * S3_BUCKET set the media are in the bucket, not in the archive, and it says so.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { loadEnvFiles } from '@/lib/load-env-files'

import {
  BACKUP_USAGE,
  DEFAULT_BACKUP_DIR,
  UsageError,
  createBackup,
  describeBackup,
  parseBackupArgs,
} from './lib'
import { s3BackupNote } from './s3'

loadEnvFiles()

let args: ReturnType<typeof parseBackupArgs>
try {
  args = parseBackupArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`${error.message}\n${BACKUP_USAGE}`)
  process.exit(2)
}
if (args.help) {
  console.log(BACKUP_USAGE)
  process.exit(0)
}

try {
  const { getEnv } = await import('@/lib/env')
  const env = getEnv()
  const { archive, size, manifest } = await createBackup({
    databaseUri: env.databaseUri,
    mediaDir: env.mediaDir,
    outDir: args.out ?? DEFAULT_BACKUP_DIR,
  })
  console.log(
    `Backup written: ${archive} (${(size / 1024 / 1024).toFixed(2)} MB, ${describeBackup(manifest)})`,
  )
  if (env.s3) console.warn(s3BackupNote(env.s3.bucket, manifest.media.files.length))
  if (manifest.engine === 'mongodb' && manifest.database.consistency !== 'snapshot') {
    console.warn(
      'Note: this MongoDB server is not a replica set (or is older than 5.0), so the collections ' +
        'were not read at one point in time. For an exact copy, back up while nobody edits.',
    )
  }
  process.exit(0)
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
