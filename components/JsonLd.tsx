import type { Thing } from 'schema-dts'

import { serializeJsonLd } from '@/lib/seo/json-ld'

/**
 * Structured data for search engines. The only raw HTML on the site: `serializeJsonLd`
 * escapes `<`, `>` and `&`, so no text in the graph can close the script element.
 */
export function JsonLd({ nodes }: { nodes: readonly Thing[] }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(nodes) }}
    />
  )
}
