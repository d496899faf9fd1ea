import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import type { Media } from '@/payload-types'

/**
 * The bytes of an uploaded file of the media collection, wherever it is stored: through the
 * collection's file handlers when a storage plugin installed some (the S3 bucket), from its
 * `staticDir` otherwise. `null` when the file cannot be found. Server code only.
 */
export async function readMediaFile(
  payload: Payload,
  media: Pick<Media, 'id' | 'filename'>,
): Promise<Buffer | null> {
  const filename = media.filename ?? ''
  // A bare name, never a path: the filename comes from the database.
  const name = path.basename(filename)
  if (name !== filename || name === '' || name.startsWith('.')) return null
  const upload = payload.collections.media.config.upload
  if (upload.handlers?.length) {
    const req = await createLocalReq({}, payload)
    for (const handler of upload.handlers) {
      const response = await handler(req, {
        doc: media,
        headers: new Headers(),
        params: { collection: 'media', filename: name },
      })
      if (response instanceof Response) {
        return response.ok ? Buffer.from(await response.arrayBuffer()) : null
      }
    }
  }
  const directory = path.resolve(upload.staticDir || 'media')
  return readFile(path.join(directory, name)).catch(() => null)
}
