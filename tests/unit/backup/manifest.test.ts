/**
 * @jest-environment node
 */
import { describe, expect, it } from '@jest/globals'

import { collectionFile, manifestSchema, type MongoManifest } from '@/scripts/backup/lib'
import { readConsistency } from '@/scripts/backup/mongodb'

const SHA = 'a'.repeat(64)
const media = { folder: 'media' as const, files: [{ path: 'ritratto.png', size: 10, sha256: SHA }] }

const sqliteManifest = {
  format: 'clinica-backup',
  formatVersion: 1,
  createdAt: '2030-01-01T00:00:00.000Z',
  appVersion: '0.1.0',
  source: { databasePath: '/srv/clinica/data/clinica.db', mediaDir: '/srv/clinica/data/media' },
  database: { file: 'database.sqlite', size: 4096, sha256: SHA },
  media,
}

const mongoManifest: MongoManifest = {
  format: 'clinica-backup',
  formatVersion: 1,
  engine: 'mongodb',
  createdAt: '2030-01-01T00:00:00.000Z',
  appVersion: '0.1.0',
  source: { database: 'clinica', hosts: 'db1:27017,db2:27017', mediaDir: '/srv/media' },
  database: {
    folder: 'mongodb',
    consistency: 'snapshot',
    collections: [
      { name: 'posts', file: 'mongodb/posts.ejson', documents: 3, size: 900, sha256: SHA },
      {
        name: '_posts_versions',
        file: 'mongodb/_posts_versions.ejson',
        documents: 0,
        size: 0,
        sha256: SHA,
      },
    ],
  },
  media,
}

const withCollection = (change: Partial<MongoManifest['database']['collections'][number]>) => ({
  ...mongoManifest,
  database: {
    ...mongoManifest.database,
    collections: [{ ...mongoManifest.database.collections[0], ...change }],
  },
})

const issues = (value: unknown) => {
  const result = manifestSchema.safeParse(value)
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

describe('backup manifest', () => {
  it('reads a manifest without an engine (written before MongoDB support) as SQLite', () => {
    expect(manifestSchema.parse(sqliteManifest)).toEqual({ ...sqliteManifest, engine: 'sqlite' })
    expect(manifestSchema.parse({ ...sqliteManifest, engine: 'sqlite' }).engine).toBe('sqlite')
  })

  it('reads a MongoDB manifest with its per-collection counts', () => {
    expect(manifestSchema.parse(mongoManifest)).toEqual(mongoManifest)
  })

  it('refuses another engine, a mixed-up manifest and bad counts', () => {
    expect(issues({ ...mongoManifest, engine: 'postgres' })).toEqual(['engine'])
    // A SQLite database section under a MongoDB engine (or the reverse) is not a manifest.
    expect(issues({ ...sqliteManifest, engine: 'mongodb' })).toEqual(
      expect.arrayContaining(['source.database', 'database.folder']),
    )
    expect(issues({ ...mongoManifest, engine: 'sqlite' })).toEqual(
      expect.arrayContaining(['source.databasePath', 'database.file']),
    )
    expect(issues(withCollection({ documents: -1 }))).toEqual(['database.collections.0.documents'])
    expect(issues(withCollection({ documents: 1.5 }))).toEqual(['database.collections.0.documents'])
    expect(issues(withCollection({ documents: '3' as unknown as number }))).toEqual([
      'database.collections.0.documents',
    ])
    expect(issues(withCollection({ sha256: 'abc' }))).toEqual(['database.collections.0.sha256'])
    expect(issues({ ...mongoManifest, formatVersion: 2 })).toEqual(['formatVersion'])
  })

  it('derives each collection file from its name, so no entry can point elsewhere', () => {
    expect(collectionFile('posts')).toBe('mongodb/posts.ejson')
    expect(collectionFile('payload-locked-documents')).toBe(
      'mongodb/payload-locked-documents.ejson',
    )
    expect(collectionFile('a/../b')).toBe('mongodb/a%2F..%2Fb.ejson')
    expect(issues(withCollection({ file: 'mongodb/users.ejson' }))).toEqual([
      'database.collections.0.file',
    ])
    expect(
      issues(withCollection({ name: 'system.users', file: 'mongodb/system.users.ejson' })),
    ).toEqual(['database.collections.0.name'])
    const twice = {
      ...mongoManifest,
      database: {
        ...mongoManifest.database,
        collections: [mongoManifest.database.collections[0], mongoManifest.database.collections[0]],
      },
    }
    expect(issues(twice)).toEqual(['database.collections'])
  })
})

describe('MongoDB read consistency', () => {
  it('reads a snapshot on replica sets and sharded clusters from MongoDB 5.0 on', () => {
    expect(readConsistency({ setName: 'rs0', maxWireVersion: 21 })).toBe('snapshot')
    expect(readConsistency({ msg: 'isdbgrid', maxWireVersion: 13 })).toBe('snapshot')
    expect(readConsistency({ setName: 'rs0', maxWireVersion: 9 })).toBe('per-document') // 4.4
    expect(readConsistency({ maxWireVersion: 21 })).toBe('per-document') // standalone
  })
})
