/**
 * With S3_BUCKET set the media live in the bucket, not in MEDIA_DIR: archives hold the database
 * only, and the bucket is protected by its own versioning or replication. The command-line tools
 * say so instead of silently archiving (or restoring) a media folder the site does not use.
 */

/** Printed by `npm run backup` when the media are in a bucket. */
export function s3BackupNote(bucket: string, archivedMediaFiles: number): string {
  const lines = [
    `Media: NOT in this archive. They are in the S3 bucket "${bucket}" (S3_BUCKET); protect them with the bucket's versioning or replication.`,
  ]
  if (archivedMediaFiles > 0) {
    lines.push(
      `  The ${archivedMediaFiles} files archived from MEDIA_DIR are local leftovers the site does not serve while S3_BUCKET is set.`,
    )
  }
  return lines.join('\n')
}

/** Printed by `npm run restore` when the media are in a bucket. */
export function s3RestoreNote(bucket: string, archivedMediaFiles: number): string {
  const lines = [
    `Media: a restore does not change the S3 bucket "${bucket}" (S3_BUCKET). The database refers to objects by file name; bring back deleted or overwritten ones from the bucket's versioning or replica.`,
  ]
  if (archivedMediaFiles > 0) {
    lines.push(
      `  The archive's ${archivedMediaFiles} media files go to MEDIA_DIR, which the site does not use while S3_BUCKET is set: copy any you need into the bucket (same names).`,
    )
  }
  return lines.join('\n')
}
