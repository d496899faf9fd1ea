import Image from 'next/image'

import type { Media } from '@/payload-types'
import { getEnv } from '@/lib/env'
import { sitePath } from '@/lib/paths'

export type MediaLike = Pick<Media, 'url' | 'alt' | 'width' | 'height' | 'mimeType' | 'caption'>

/** A Payload image through next/image: explicit dimensions, so no layout shift. */
export function MediaImage({
  media,
  sizes,
  preload = false,
  className,
}: {
  media: MediaLike
  sizes: string
  preload?: boolean
  className?: string
}) {
  if (!media.url || !media.width || !media.height) return null
  return (
    <Image
      src={sitePath(media.url, getEnv().siteUrl)}
      alt={media.alt ?? ''}
      width={media.width}
      height={media.height}
      sizes={sizes}
      preload={preload}
      fetchPriority={preload ? 'high' : undefined}
      className={className}
    />
  )
}
