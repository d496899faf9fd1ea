import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`posts\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`posts_review_requested_at_idx\` ON \`posts\` (\`review_requested_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_review_requested_by_idx\` ON \`posts\` (\`review_requested_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_review_requested_at_idx\` ON \`_posts_v\` (\`version_review_requested_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_review_requested_by_idx\` ON \`_posts_v\` (\`version_review_requested_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_posts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`excerpt\` text,
  	\`hero_image_id\` text(36),
  	\`content\` text,
  	\`author_id\` text(36),
  	\`reviewed_by_id\` text(36),
  	\`last_reviewed_at\` text,
  	\`procedure_name\` text,
  	\`procedure_body_location\` text,
  	\`procedure_how_performed\` text,
  	\`procedure_preparation\` text,
  	\`procedure_follow_up\` text,
  	\`meta_focus_keyphrase\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` text(36),
  	\`meta_noindex\` integer DEFAULT false,
  	\`slug\` text,
  	\`published_at\` text,
  	\`created_by_id\` text(36),
  	\`pinned\` integer DEFAULT false,
  	\`sample_content\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts\`("id", "title", "excerpt", "hero_image_id", "content", "author_id", "reviewed_by_id", "last_reviewed_at", "procedure_name", "procedure_body_location", "procedure_how_performed", "procedure_preparation", "procedure_follow_up", "meta_focus_keyphrase", "meta_title", "meta_description", "meta_image_id", "meta_noindex", "slug", "published_at", "created_by_id", "pinned", "sample_content", "updated_at", "created_at", "_status") SELECT "id", "title", "excerpt", "hero_image_id", "content", "author_id", "reviewed_by_id", "last_reviewed_at", "procedure_name", "procedure_body_location", "procedure_how_performed", "procedure_preparation", "procedure_follow_up", "meta_focus_keyphrase", "meta_title", "meta_description", "meta_image_id", "meta_noindex", "slug", "published_at", "created_by_id", "pinned", "sample_content", "updated_at", "created_at", "_status" FROM \`posts\`;`)
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`posts_hero_image_idx\` ON \`posts\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_author_idx\` ON \`posts\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_reviewed_by_idx\` ON \`posts\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_meta_meta_image_idx\` ON \`posts\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_slug_idx\` ON \`posts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`posts_published_at_idx\` ON \`posts\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_by_idx\` ON \`posts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_pinned_idx\` ON \`posts\` (\`pinned\`);`)
  await db.run(sql`CREATE INDEX \`posts_updated_at_idx\` ON \`posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_at_idx\` ON \`posts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`posts__status_idx\` ON \`posts\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`posts\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`publishedAt_createdAt_idx\` ON \`posts\` (\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_hero_image_id\` text(36),
  	\`version_content\` text,
  	\`version_author_id\` text(36),
  	\`version_reviewed_by_id\` text(36),
  	\`version_last_reviewed_at\` text,
  	\`version_procedure_name\` text,
  	\`version_procedure_body_location\` text,
  	\`version_procedure_how_performed\` text,
  	\`version_procedure_preparation\` text,
  	\`version_procedure_follow_up\` text,
  	\`version_meta_focus_keyphrase\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` text(36),
  	\`version_meta_noindex\` integer DEFAULT false,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_created_by_id\` text(36),
  	\`version_pinned\` integer DEFAULT false,
  	\`version_sample_content\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v\`("id", "parent_id", "version_title", "version_excerpt", "version_hero_image_id", "version_content", "version_author_id", "version_reviewed_by_id", "version_last_reviewed_at", "version_procedure_name", "version_procedure_body_location", "version_procedure_how_performed", "version_procedure_preparation", "version_procedure_follow_up", "version_meta_focus_keyphrase", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_meta_noindex", "version_slug", "version_published_at", "version_created_by_id", "version_pinned", "version_sample_content", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_excerpt", "version_hero_image_id", "version_content", "version_author_id", "version_reviewed_by_id", "version_last_reviewed_at", "version_procedure_name", "version_procedure_body_location", "version_procedure_how_performed", "version_procedure_preparation", "version_procedure_follow_up", "version_meta_focus_keyphrase", "version_meta_title", "version_meta_description", "version_meta_image_id", "version_meta_noindex", "version_slug", "version_published_at", "version_created_by_id", "version_pinned", "version_sample_content", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_posts_v\`;`)
  await db.run(sql`DROP TABLE \`_posts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v\` RENAME TO \`_posts_v\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_parent_idx\` ON \`_posts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_hero_image_idx\` ON \`_posts_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_author_idx\` ON \`_posts_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_reviewed_by_idx\` ON \`_posts_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_meta_version_meta_image_idx\` ON \`_posts_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_slug_idx\` ON \`_posts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_published_at_idx\` ON \`_posts_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_by_idx\` ON \`_posts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_pinned_idx\` ON \`_posts_v\` (\`version_pinned\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_updated_at_idx\` ON \`_posts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_at_idx\` ON \`_posts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version__status_idx\` ON \`_posts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_created_at_idx\` ON \`_posts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_updated_at_idx\` ON \`_posts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_latest_idx\` ON \`_posts_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_autosave_idx\` ON \`_posts_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_posts_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`version_publishedAt_version_createdAt_idx\` ON \`_posts_v\` (\`version_published_at\`,\`version_created_at\`);`)
}
