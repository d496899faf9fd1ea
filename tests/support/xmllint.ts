import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** xmllint's verdict on `xml` against one of the sitemaps.org schemas in tests/fixtures. */
export function xmllint(xml: string, schema: 'sitemap.xsd' | 'siteindex.xsd') {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'))
  try {
    const file = path.join(dir, 'file.xml')
    writeFileSync(file, xml)
    const xsd = path.join(process.cwd(), 'tests/fixtures', schema)
    return spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
