export { xmllint } from '../../support/xmllint'

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
