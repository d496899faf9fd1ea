import type { Graph, Thing } from 'schema-dts'

/** The document for one page's JSON-LD `<script>`: every node in a single `@graph`. */
export function toGraph(nodes: readonly Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': nodes }
}

const UNSAFE = /[<>&\u2028\u2029]/g
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * JSON for `<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: … }} />`.
 * `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (and U+2028/2029 are escaped too), so
 * no text from the CMS can close the script element; `JSON.parse` gives the strings back.
 */
export function serializeJsonLd(nodes: readonly Thing[]): string {
  return JSON.stringify(toGraph(nodes)).replace(UNSAFE, escape)
}
