import { MediaImage, type MediaLike } from '@/components/MediaImage'

/** An image placed in the article body; a PDF or an unpopulated reference renders nothing. */
export function RichTextImage({ value }: { value: unknown }) {
  if (typeof value !== 'object' || value === null) return null
  const media = value as MediaLike
  if (!media.mimeType?.startsWith('image/')) return null
  return (
    <figure>
      <MediaImage media={media} sizes="(min-width: 48rem) 44rem, 100vw" />
      {media.caption ? <figcaption>{media.caption}</figcaption> : null}
    </figure>
  )
}
