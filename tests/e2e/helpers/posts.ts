import { articleBlocksToLexical } from '@/lib/text-import'

import { adminHeaders } from './rest'

/**
 * A published post of the test's own, created over REST as the admin, so tests that edit or
 * unpublish content never disturb the seeded articles other test files read.
 */
export async function createPublishedPost(baseUrl: string, title: string) {
  const headers = await adminHeaders(baseUrl)
  const response = await fetch(`${baseUrl}/api/posts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title,
      excerpt: `Sommario di prova: ${title}.`,
      _status: 'published',
      content: articleBlocksToLexical([
        { type: 'paragraph', text: 'Testo di prova scritto dai test end-to-end.' },
      ]),
    }),
  })
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${await response.text()}`)
  const { doc } = (await response.json()) as { doc: { id: string; slug: string } }
  return { headers, id: doc.id, slug: doc.slug }
}
