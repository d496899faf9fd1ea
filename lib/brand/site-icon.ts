import type { Media } from '@/payload-types'
import { getPayloadClient } from '@/lib/payload'
import { populated } from '@/lib/people'
import { getClinic } from '@/lib/queries/clinic'

import { renderIcon, type IconKind } from './icons'
import { readMediaFile } from './media-file'
import { brandPalette } from './palette'

/**
 * The site icon of the clinic as it is now (logo and brand colour from the Clinic global), for
 * the metadata routes app/icon.tsx and app/apple-icon.tsx. Reading the global through
 * `getClinic` tags the route with `clinic`: saving the global regenerates the icons.
 */
export async function siteIconResponse(kind: IconKind): Promise<Response> {
  const clinic = await getClinic()
  const logo = populated<Media>(clinic.logo)
  const bytes =
    logo?.mimeType?.startsWith('image/') && logo.filename
      ? await readMediaFile(await getPayloadClient(), logo)
      : null
  const icon = await renderIcon({
    kind,
    logo: bytes,
    accent: brandPalette(clinic.brandColor).accent,
  })
  return new Response(new Uint8Array(icon), { headers: { 'Content-Type': 'image/png' } })
}
