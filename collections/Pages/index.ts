import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/roles'
import { authenticatedOrPublished } from '@/access/authenticatedOrPublished'
import { bodyUploadsField } from '@/fields/bodyUploads'
import { seoTab } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { RESERVED_PAGE_SLUGS } from '@/lib/paths'
import {
  noteVersionOnlySave,
  rememberLiveDocument,
  revalidateOnChange,
  rememberDeletedDependents,
  revalidateOnDelete,
} from '@/lib/revalidate'

/** Simple editable pages (privacy notice, cookie policy, the clinic …) served at `/<slug>`. */
export const Pages: CollectionConfig<'pages'> = {
  slug: 'pages',
  labels: { singular: 'Pagina', plural: 'Pagine' },
  access: {
    read: authenticatedOrPublished,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', '_status', 'updatedAt'] },
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 30 },
  hooks: {
    beforeOperation: [noteVersionOnlySave],
    beforeChange: [rememberLiveDocument],
    afterChange: [revalidateOnChange],
    beforeDelete: [rememberDeletedDependents],
    afterDelete: [revalidateOnDelete],
  },
  fields: [
    { name: 'title', type: 'text', label: 'Titolo', required: true, maxLength: 160 },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Contenuto',
          fields: [
            { name: 'intro', type: 'textarea', label: 'Introduzione', maxLength: 400 },
            { name: 'content', type: 'richText', label: 'Testo', required: true },
          ],
        },
        seoTab(),
      ],
    },
    slugField({ reserved: RESERVED_PAGE_SLUGS }),
    bodyUploadsField,
  ],
}
