import { ICONS } from '@/lib/brand/icons'
import { siteIconResponse } from '@/lib/brand/site-icon'

// Cached like the pages and tagged `clinic` (lib/brand/site-icon.ts): a new logo or brand
// colour regenerates it when the Clinic global is saved.
export const revalidate = 600

export const size = { width: ICONS.favicon.size, height: ICONS.favicon.size }
export const contentType = 'image/png'

/** The favicon, generated from the clinic's logo. */
export default function Icon() {
  return siteIconResponse('favicon')
}
