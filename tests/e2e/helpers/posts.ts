import { adminHeaders } from './rest'

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
})

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
      content: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [paragraph('Testo di prova scritto dai test end-to-end.')],
        },
      },
    }),
  })
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${await response.text()}`)
  const { doc } = (await response.json()) as { doc: { id: number; slug: string } }
  return { headers, id: doc.id, slug: doc.slug }
}
