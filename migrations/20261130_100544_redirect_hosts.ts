import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`clinic_redirect_hosts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`host\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`clinic\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`clinic_redirect_hosts_order_idx\` ON \`clinic_redirect_hosts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`clinic_redirect_hosts_parent_id_idx\` ON \`clinic_redirect_hosts\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`redirects\` ADD \`external_approved\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`clinic_redirect_hosts\`;`)
  await db.run(sql`ALTER TABLE \`redirects\` DROP COLUMN \`external_approved\`;`)
}
