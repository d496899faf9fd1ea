import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'

import { ensureSqliteDirectory } from '@/lib/sqlite-directory'

const root = mkdtempSync(path.join(tmpdir(), 'clinica-db-dir-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('ensureSqliteDirectory', () => {
  it('creates the missing folder of a relative file: URI (a fresh clone has no data/)', () => {
    const created = ensureSqliteDirectory('file:./data/clinica.db', root)
    expect(created).toBe(path.join(root, 'data'))
    expect(existsSync(created)).toBe(true)
  })

  it('handles absolute paths and file:// URIs', () => {
    const absolute = path.join(root, 'a', 'b', 'x.db')
    expect(ensureSqliteDirectory(`file:${absolute}`)).toBe(path.dirname(absolute))
    expect(ensureSqliteDirectory(`file://${path.join(root, 'c', 'y.db')}`)).toBe(
      path.join(root, 'c'),
    )
    expect(existsSync(path.join(root, 'c'))).toBe(true)
  })
})
