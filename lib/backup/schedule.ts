/**
 * Scheduled backups (BACKUP_CRON): a Payload task on the `default` queue, so the one job runner
 * (lib/jobs/runner.ts, one instance at a time through its lock) runs it: `npm run backup`'s
 * archive in `backups/`, then only the newest BACKUP_KEEP regular archives are kept (the
 * `-before-restore` archives a MongoDB restore writes are never deleted here).
 * `getLastBackup()` tells the admin dashboard when the last archive was written and its size.
 */
import { existsSync } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import type { TaskConfig } from 'payload'

import type { Env } from '@/lib/env'
import { BACKUP_PREFIX, DEFAULT_BACKUP_DIR, createBackup } from '@/scripts/backup/lib'

/** A regular archive's name: `clinica-backup-YYYYMMDD-HHmmss.tar.gz`. */
const ARCHIVE = new RegExp(`^${BACKUP_PREFIX}\\d{8}-\\d{6}\\.tar\\.gz$`)

/** Regular archives in `dir`, newest first (their names sort by time). */
async function archives(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  return (await readdir(dir))
    .filter((name) => ARCHIVE.test(name))
    .sort()
    .reverse()
}

/** Deletes all but the newest `keep` regular archives in `dir`; returns the deleted paths. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await archives(dir)).slice(keep).map((name) => path.join(dir, name))
  for (const file of old) await rm(file, { force: true })
  return old
}

export type LastBackup = { at: string; size: number; file: string }

/** The newest regular archive in `dir` (default `backups/`): when it was written, its size. */
export async function getLastBackup(
  dir: string = path.resolve(DEFAULT_BACKUP_DIR),
): Promise<LastBackup | null> {
  const [newest] = await archives(dir)
  if (!newest) return null
  const file = path.join(dir, newest)
  const info = await stat(file)
  return { at: info.mtime.toISOString(), size: info.size, file }
}

export const BACKUP_TASK = 'scheduledBackup'

/** Writes a backup and prunes the old ones: what the scheduled task does. */
export async function runScheduledBackup(
  env: Pick<Env, 'databaseUri' | 'mediaDir' | 'backup'>,
  dir: string = path.resolve(DEFAULT_BACKUP_DIR),
  now: Date = new Date(),
): Promise<{ archive: string; size: number; deleted: string[] }> {
  const { archive, size } = await createBackup({
    databaseUri: env.databaseUri,
    mediaDir: env.mediaDir,
    outDir: dir,
    now,
  })
  return { archive, size, deleted: await pruneBackups(dir, env.backup.keep) }
}

/** Untyped by slug: the task exists only with BACKUP_CRON, so payload-types.ts cannot list it. */
type BackupTask = TaskConfig<{ input: object; output: object }>

/** The scheduled backup task, or none when BACKUP_CRON is not set. */
export function backupTasks(env: Pick<Env, 'databaseUri' | 'mediaDir' | 'backup'>): BackupTask[] {
  const { cron } = env.backup
  if (!cron) return []
  return [
    {
      slug: BACKUP_TASK,
      label: 'Backup pianificato (database e media)',
      // A failed backup is retried by the next scheduled run, not by the job.
      retries: 0,
      schedule: [{ cron, queue: 'default' }],
      handler: async ({ req }) => {
        const { archive, size, deleted } = await runScheduledBackup(env)
        req.payload.logger.info(
          `Scheduled backup written: ${archive} (${size} bytes); ${deleted.length} older archive(s) deleted.`,
        )
        return { output: {} }
      },
    },
  ]
}
