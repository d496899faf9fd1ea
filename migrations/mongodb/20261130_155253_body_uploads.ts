import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { backfillBodyUploads } from '../../lib/revalidation/backfill-body-uploads'

/** The media each existing post and page body shows (fields/bodyUploads.ts), as on SQLite. */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await backfillBodyUploads(payload, req)
}

/** Nothing to undo: an unused `bodyUploads` key harms nothing, and the field's removal drops it. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
