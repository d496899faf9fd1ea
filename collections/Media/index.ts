import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/roles'
import { getEnv } from '@/lib/env'
import { rememberDeletedDependents, revalidateOnChange, revalidateOnDelete } from '@/lib/revalidate'

/** Raster images and PDF only: SVG can carry scripts, so it is not accepted. */
export const ALLOWED_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'application/pdf',
]

const webp = { format: 'webp' as const, options: { quality: 80 } }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'File', plural: 'Media' },
  access: {
    read: anyone,
    // Authors upload images for their drafts; changing or deleting files is for editors.
    create: authenticated,
    update: isEditor,
    delete: isEditor,
  },
  // Alt text and captions appear on public pages.
  hooks: {
    afterChange: [revalidateOnChange],
    beforeDelete: [rememberDeletedDependents],
    afterDelete: [revalidateOnDelete],
  },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Testo alternativo',
      required: true,
      maxLength: 250,
      admin: {
        description:
          'Descrive l’immagine a chi non può vederla (lettori di schermo, motori di ricerca). Obbligatorio.',
      },
    },
    { name: 'caption', type: 'text', label: 'Didascalia', maxLength: 300 },
  ],
  upload: {
    staticDir: getEnv().mediaDir,
    mimeTypes: ALLOWED_MEDIA_TYPES,
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: webp },
      { name: 'card', width: 768, formatOptions: webp },
      { name: 'hero', width: 1600, formatOptions: webp },
      // Open Graph / social sharing size; JPEG for the widest crawler support.
      {
        name: 'social',
        width: 1200,
        height: 630,
        position: 'centre',
        formatOptions: { format: 'jpeg', options: { quality: 85 } },
      },
    ],
    adminThumbnail: 'thumbnail',
  },
}
