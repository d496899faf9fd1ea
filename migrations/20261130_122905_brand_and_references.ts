import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`posts_references\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`authors\` text,
  	\`title\` text,
  	\`publisher\` text,
  	\`year\` numeric,
  	\`doi\` text,
  	\`pmid\` text,
  	\`url\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`posts_references_order_idx\` ON \`posts_references\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`posts_references_parent_id_idx\` ON \`posts_references\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_posts_v_version_references\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`authors\` text,
  	\`title\` text,
  	\`publisher\` text,
  	\`year\` numeric,
  	\`doi\` text,
  	\`pmid\` text,
  	\`url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_posts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_posts_v_version_references_order_idx\` ON \`_posts_v_version_references\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_references_parent_id_idx\` ON \`_posts_v_version_references\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`clinic\` ADD \`brand_color\` text DEFAULT '#0b5e73';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`posts_references\`;`)
  await db.run(sql`DROP TABLE \`_posts_v_version_references\`;`)
  await db.run(sql`ALTER TABLE \`clinic\` DROP COLUMN \`brand_color\`;`)
}
