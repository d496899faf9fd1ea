import type { Post } from '@/payload-types'
import { listedSources, sourceLinks } from '@/lib/article/sources'

type Source = NonNullable<Post['references']>[number]

// External sources: the page must not be reachable from them (window.opener).
const EXTERNAL = 'external noopener noreferrer'

/** How a source is cited: authors, title, journal or publisher, year (Vancouver-like). */
function Citation({ source }: { source: Source }) {
  const published = [source.publisher?.trim(), source.year ? String(source.year) : null]
    .filter(Boolean)
    .join(', ')
  return (
    <>
      {source.authors?.trim() ? <>{source.authors.trim().replace(/\.$/, '')}. </> : null}
      <cite>{source.title.trim()}</cite>.{published ? <> {published}.</> : null}
    </>
  )
}

function Links({ source }: { source: Source }) {
  const { doi, pubmed, web } = sourceLinks(source)
  const links = [
    doi ? (
      <a key="doi" href={doi.href} rel={EXTERNAL} className="references__doi">
        DOI: {doi.id}
      </a>
    ) : null,
    pubmed ? (
      <a key="pubmed" href={pubmed.href} rel={EXTERNAL} className="references__pubmed">
        PubMed: {pubmed.id}
      </a>
    ) : null,
    web ? (
      <a key="web" href={web} rel={EXTERNAL} className="references__web">
        {new URL(web).hostname.replace(/^www\./, '')}
      </a>
    ) : null,
  ].filter((link) => link !== null)
  if (links.length === 0) return null
  return (
    <span className="references__links">
      {links.map((link, index) => (
        <span key={link.key}>
          {index > 0 ? ' · ' : ' '}
          {link}
        </span>
      ))}
    </span>
  )
}

/** The article's sources ("Fonti"): a numbered list, with DOI, PubMed and web links. */
export function References({ items }: { items: Post['references'] }) {
  const sources = listedSources(items)
  if (sources.length === 0) return null
  return (
    <section aria-labelledby="fonti-titolo" className="references">
      <h2 id="fonti-titolo">Fonti</h2>
      <ol>
        {sources.map((source, index) => (
          <li key={source.id ?? index}>
            <Citation source={source} />
            <Links source={source} />
          </li>
        ))}
      </ol>
    </section>
  )
}
