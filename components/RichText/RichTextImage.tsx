import type { SerializedUploadNode } from '@payloadcms/richtext-lexical'

import { MediaImage, type MediaLike } from '@/components/MediaImage'

/**
 * An image placed in the article body, through next/image; a PDF or an unpopulated reference
 * (an id instead of the media document) renders nothing.
 */
export function RichTextImage({ value }: { value: SerializedUploadNode['value'] | undefined }) {
  if (typeof value !== 'object' || value === null) return null
  const media = value as Partial<MediaLike>
  if (typeof media.mimeType !== 'string' || !media.mimeType.startsWith('image/')) return null
  return (
    <figure>
      <MediaImage media={media as MediaLike} sizes="(min-width: 48rem) 44rem, 100vw" />
      {media.caption ? <figcaption>{media.caption}</figcaption> : null}
    </figure>
  )
}
