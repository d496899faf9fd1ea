import { ICONS } from '@/lib/brand/icons'
import { siteIconResponse } from '@/lib/brand/site-icon'

// Cached like the pages and tagged `clinic`, as app/icon.tsx.
export const revalidate = 600

export const size = { width: ICONS.apple.size, height: ICONS.apple.size }
export const contentType = 'image/png'

/** The Apple touch icon (home screen): the clinic's logo on white. */
export default function AppleIcon() {
  return siteIconResponse('apple')
}
