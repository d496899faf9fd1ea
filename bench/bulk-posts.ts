import { createClient } from '@libsql/client'

import { ARTICLE_PATH } from './lib'

const PREFIX = 'bench-bulk-'
/** A random version-4 UUID, as Payload generates for every document here. */
const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`

/**
 * Inserts `count` copies of the seeded article straight into SQLite (one transaction), with its
 * relationships (categories, author, related posts) and FAQ rows, as drafts: admin lists see them,
 * the public site (published content only) does not. Returns a function that deletes them again.
 */
export async function insertBulkPosts(databaseUri: string, count: number) {
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
    const postColumns = await columns('posts', ['id', 'title', 'slug', '_status'])
    const relColumns = await columns('posts_rels', ['id', 'parent_id'])
    const faqColumns = await columns('posts_faq', ['id', '_parent_id'])
    const q = (names: string[]) => names.map((name) => `"${name}"`).join(', ')
    const pq = (prefix: string, names: string[]) =>
      names.map((name) => `${prefix}."${name}"`).join(', ')
    await client.batch(
      [
        {
          sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO posts ("id", "title", "slug", "_status", ${q(postColumns)})
            SELECT ${UUID_SQL}, p.title || ' (copia ' || n.i || ')', ? || n.i, 'draft', ${pq('p', postColumns)}
            FROM n, posts p WHERE p.id = ?`,
          args: [count, PREFIX, sourceId],
        },
        {
          sql: `INSERT INTO posts_rels ("parent_id", ${q(relColumns)})
            SELECT c.id, ${pq('r', relColumns)} FROM posts c JOIN posts_rels r ON r.parent_id = ?
            WHERE c.slug LIKE ? || '%'`,
          args: [sourceId, PREFIX],
        },
        {
          sql: `INSERT INTO posts_faq ("id", "_parent_id", ${q(faqColumns)})
            SELECT lower(hex(randomblob(12))), c.id, ${pq('f', faqColumns)} FROM posts c
            JOIN posts_faq f ON f._parent_id = ? WHERE c.slug LIKE ? || '%'`,
          args: [sourceId, PREFIX],
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

export async function removeBulkPosts(databaseUri: string) {
  const client = createClient({ url: databaseUri })
  try {
    const bulk = `SELECT id FROM posts WHERE slug LIKE '${PREFIX}%'`
    await client.batch(
      [
        `DELETE FROM posts_rels WHERE parent_id IN (${bulk})`,
        `DELETE FROM posts_faq WHERE _parent_id IN (${bulk})`,
        `DELETE FROM posts WHERE slug LIKE '${PREFIX}%'`,
      ],
      'write',
    )
  } finally {
    client.close()
  }
}
