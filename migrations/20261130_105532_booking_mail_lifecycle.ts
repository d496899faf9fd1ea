import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`handled_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`handled_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`closed_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_status\` text DEFAULT 'in_coda';`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_next_attempt_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_clinic_notified_at\` text;`)
  await db.run(sql`ALTER TABLE \`appointment_requests\` ADD \`delivery_patient_confirmed_at\` text;`)
  await db.run(sql`CREATE INDEX \`appointment_requests_handled_by_idx\` ON \`appointment_requests\` (\`handled_by_id\`);`)
  await db.run(sql`CREATE INDEX \`appointment_requests_closed_at_idx\` ON \`appointment_requests\` (\`closed_at\`);`)
  await db.run(sql`CREATE INDEX \`appointment_requests_delivery_delivery_status_idx\` ON \`appointment_requests\` (\`delivery_status\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`clinic\` ADD \`booking_email\` text;`)
  await db.run(sql`ALTER TABLE \`clinic\` ADD \`request_retention_days\` numeric DEFAULT 180;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_appointment_requests\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`phone\` text,
  	\`email\` text,
  	\`preferred_period\` text DEFAULT 'indifferente' NOT NULL,
  	\`reason\` text NOT NULL,
  	\`status\` text DEFAULT 'nuova' NOT NULL,
  	\`consent\` integer DEFAULT false NOT NULL,
  	\`consent_at\` text,
  	\`submission_id\` text NOT NULL,
  	\`ip_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_appointment_requests\`("id", "name", "phone", "email", "preferred_period", "reason", "status", "consent", "consent_at", "submission_id", "ip_hash", "updated_at", "created_at") SELECT "id", "name", "phone", "email", "preferred_period", "reason", "status", "consent", "consent_at", "submission_id", "ip_hash", "updated_at", "created_at" FROM \`appointment_requests\`;`)
  await db.run(sql`DROP TABLE \`appointment_requests\`;`)
  await db.run(sql`ALTER TABLE \`__new_appointment_requests\` RENAME TO \`appointment_requests\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`appointment_requests_status_idx\` ON \`appointment_requests\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`appointment_requests_submission_id_idx\` ON \`appointment_requests\` (\`submission_id\`);`)
  await db.run(sql`CREATE INDEX \`appointment_requests_updated_at_idx\` ON \`appointment_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`appointment_requests_created_at_idx\` ON \`appointment_requests\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`clinic\` DROP COLUMN \`booking_email\`;`)
  await db.run(sql`ALTER TABLE \`clinic\` DROP COLUMN \`request_retention_days\`;`)
}
