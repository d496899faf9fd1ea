import { createClient } from '@libsql/client'

import { ARTICLE_PATH } from './lib'

const PREFIX = 'bench-bulk-'
/** A random version-4 UUID, as Payload generates for every document here. */
const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`

export type BulkOptions = {
  /** Drafts (default): admin lists see them, the public site does not. Published: both do. */
  status?: 'draft' | 'published'
  /**
   * Every `rareEvery`-th copy gets one of these words in its title and excerpt, in turn, so a
   * search for one of them has a handful of matches among thousands of copies.
   */
  rareWords?: readonly string[]
  rareEvery?: number
  /** Distinguishes the slugs of several insertions into one database (`bench-bulk-<label>…`). */
  label?: string
}

/**
 * Inserts `count` copies of the seeded article straight into SQLite (one transaction), with its
 * relationships (categories, author, related posts), FAQ rows and version row. Each copy is a minute older
 * than the one before, so listings have one order. Returns a function that deletes them again.
 * Nothing runs Payload's hooks: no revalidation, no search indexing.
 */
export async function insertBulkPosts(
  databaseUri: string,
  count: number,
  { status = 'draft', rareWords = [], rareEvery = 1_000, label = '' }: BulkOptions = {},
) {
  const client = createClient({ url: databaseUri })
  const slug = ARTICLE_PATH.split('/').pop()!
  try {
    const source = await client.execute({
      sql: 'SELECT id FROM posts WHERE slug = ?',
      args: [slug],
    })
    // Ids are UUID strings (idType 'uuid'): nothing numeric to count on.
    const sourceId = source.rows[0]?.id
    if (typeof sourceId !== 'string') throw new Error(`seeded post ${slug} not found`)
    const columns = async (table: string, skip: string[]) =>
      (await client.execute(`PRAGMA table_info(${table})`)).rows
        .map((row) => String(row.name))
        .filter((name) => !skip.includes(name))
    const postColumns = await columns('posts', [
      'id',
      'title',
      'slug',
      '_status',
      'excerpt',
      'published_at',
    ])
    const relColumns = await columns('posts_rels', ['id', 'parent_id'])
    const faqColumns = await columns('posts_faq', ['id', '_parent_id'])
    // Each copy gets its version row too, as Payload writes one with every published post:
    // without it the server's start-up repair (lib/backup/repair-versions.ts) would rebuild
    // thousands of them while the benchmark measures.
    const versioned = new Set(
      (await columns('_posts_v', []))
        .filter((c) => c.startsWith('version_'))
        .map((c) => c.slice(8)),
    )
    const versionColumns = (await columns('posts', ['id'])).filter((name) => versioned.has(name))
    const q = (names: string[]) => names.map((name) => `"${name}"`).join(', ')
    const pq = (prefix: string, names: string[]) =>
      names.map((name) => `${prefix}."${name}"`).join(', ')
    await client.batch(
      [
        {
          sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
            rare(k, word) AS (SELECT key, value FROM json_each(?)),
            copy(i, extra) AS (
              SELECT n.i, coalesce(' – ' || rare.word, '') FROM n
              LEFT JOIN rare ON n.i % ? = 0 AND rare.k = (n.i / ?) % max(1, json_array_length(?))
            )
            INSERT INTO posts ("id", "title", "slug", "_status", "excerpt", "published_at", ${q(postColumns)})
            SELECT ${UUID_SQL}, p.title || ' (copia ' || c.i || ')' || c.extra, ? || c.i, ?,
              p.excerpt || c.extra,
              strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(p.published_at, p.created_at), '-' || c.i || ' minutes'),
              ${pq('p', postColumns)}
            FROM copy c, posts p WHERE p.id = ?`,
          args: [
            count,
            JSON.stringify(rareWords),
            rareEvery,
            rareEvery,
            JSON.stringify(rareWords),
            `${PREFIX}${label}`,
            status,
            sourceId,
          ],
        },
        {
          sql: `INSERT INTO posts_rels ("parent_id", ${q(relColumns)})
            SELECT c.id, ${pq('r', relColumns)} FROM posts c JOIN posts_rels r ON r.parent_id = ?
            WHERE c.slug LIKE ? || '%'`,
          args: [sourceId, `${PREFIX}${label}`],
        },
        {
          sql: `INSERT INTO _posts_v ("id", "parent_id", ${q(versionColumns.map((c) => `version_${c}`))},
              "created_at", "updated_at", "latest", "autosave")
            SELECT ${UUID_SQL}, c.id, ${pq('c', versionColumns)}, c.created_at, c.updated_at, 1, 0
            FROM posts c WHERE c.slug LIKE ? || '%'`,
          args: [`${PREFIX}${label}`],
        },
        {
          sql: `INSERT INTO posts_faq ("id", "_parent_id", ${q(faqColumns)})
            SELECT lower(hex(randomblob(12))), c.id, ${pq('f', faqColumns)} FROM posts c
            JOIN posts_faq f ON f._parent_id = ? WHERE c.slug LIKE ? || '%'`,
          args: [sourceId, `${PREFIX}${label}`],
        },
      ],
      'write',
    )
    const total = await client.execute('SELECT count(*) AS n FROM posts')
    return { totalPosts: Number(total.rows[0]?.n), remove: () => removeBulkPosts(databaseUri) }
  } finally {
    client.close()
  }
}

/** Deletes the copies, all of them or those of one insertion's `label`. */
export async function removeBulkPosts(databaseUri: string, label = '') {
  const client = createClient({ url: databaseUri })
  const prefix = `${PREFIX}${label}`
  try {
    const bulk = `SELECT id FROM posts WHERE slug LIKE '${prefix}%'`
    await client.batch(
      [
        `DELETE FROM _posts_v_rels WHERE parent_id IN (SELECT id FROM _posts_v WHERE parent_id IN (${bulk}))`,
        `DELETE FROM _posts_v_version_faq WHERE _parent_id IN (SELECT id FROM _posts_v WHERE parent_id IN (${bulk}))`,
        `DELETE FROM _posts_v WHERE parent_id IN (${bulk})`,
        `DELETE FROM posts_rels WHERE parent_id IN (${bulk})`,
        `DELETE FROM posts_faq WHERE _parent_id IN (${bulk})`,
        `DELETE FROM posts WHERE slug LIKE '${prefix}%'`,
      ],
      'write',
    )
  } finally {
    client.close()
  }
}
