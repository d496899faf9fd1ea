import type { Media } from '@/payload-types'

import { absoluteUrl, filled } from './url'

/** An image as link previews and structured data need it: absolute URL, size and alt text. */
export type SharingImage = { url: string; width?: number; height?: number; alt: string }

type Variant = { url?: string | null; width?: number | null; height?: number | null }

/** Uploads can be PDFs too; only images (or unknown types) are used as pictures. */
export const isImage = (media: Media) => !media.mimeType || media.mimeType.startsWith('image/')

function toImage(variant: Variant | undefined, alt: string, siteUrl: string): SharingImage | null {
  const url = filled(variant?.url)
  if (!url) return null
  return {
    url: absoluteUrl(url, siteUrl),
    ...(variant?.width ? { width: variant.width } : {}),
    ...(variant?.height ? { height: variant.height } : {}),
    alt,
  }
}

/**
 * The image to show when a page is shared: the 1200×630 `social` size (JPEG, read by every
 * crawler) when it was generated, else the original upload. Null for documents such as PDFs.
 */
export function mediaImageForSharing(
  media: Media | null | undefined,
  siteUrl: string,
): SharingImage | null {
  if (!media || !isImage(media)) return null
  const alt = media.alt?.trim() ?? ''
  return toImage(media.sizes?.social, alt, siteUrl) ?? toImage(media, alt, siteUrl)
}

/**
 * Every distinct absolute URL of an image, widest crop first (social, hero, original), as
 * Google suggests giving several aspect ratios for an article's `image`.
 */
export function mediaImageUrls(media: Media | null | undefined, siteUrl: string): string[] {
  if (!media || !isImage(media)) return []
  const urls = [media.sizes?.social?.url, media.sizes?.hero?.url, media.url]
    .map(filled)
    .filter((url): url is string => url !== undefined)
    .map((url) => absoluteUrl(url, siteUrl))
  return [...new Set(urls)]
}
