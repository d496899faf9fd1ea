import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * The public sitemap as search engines read it: /sitemap.xml is an index whose <loc>s are the
 * child sitemaps (/sitemaps/sitemap/<id>.xml), which list the pages.
 */

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)

async function text(url: string): Promise<string> {
  const response = await fetch(url)
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return response.text()
}

/** The index's XML and its children's: URL → XML. */
export async function sitemapFiles(baseUrl: string) {
  const index = await text(`${baseUrl}/sitemap.xml`)
  const children = new Map<string, string>()
  for (const child of locs(index)) children.set(child, await text(child))
  return { index, children }
}

/** Every page URL the child sitemaps list. */
export async function sitemapUrls(baseUrl: string): Promise<string[]> {
  const { children } = await sitemapFiles(baseUrl)
  return [...children.values()].flatMap(locs)
}

/** xmllint's verdict on `xml` against a sitemaps.org schema in tests/fixtures. */
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
