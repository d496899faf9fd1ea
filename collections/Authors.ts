import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/roles'
import { linksField } from '@/fields/links'
import { slugField } from '@/fields/slug'
import { rememberDeletedDependents, revalidateOnChange, revalidateOnDelete } from '@/lib/revalidate'

/** Doctors and writers shown as authors and medical reviewers (YMYL trust signals). */
export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: 'Autore', plural: 'Autori' },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'specialty', 'slug'] },
  hooks: {
    afterChange: [revalidateOnChange],
    beforeDelete: [rememberDeletedDependents],
    afterDelete: [revalidateOnDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'honorific',
          type: 'text',
          label: 'Titolo',
          maxLength: 20,
          admin: { width: '25%', description: 'Ad esempio «Dott.» o «Dott.ssa».' },
        },
        { name: 'name', type: 'text', label: 'Nome e cognome', required: true, maxLength: 100 },
      ],
    },
    slugField({ from: 'name' }),
    { name: 'specialty', type: 'text', label: 'Specializzazione', maxLength: 120 },
    {
      name: 'credentials',
      type: 'textarea',
      label: 'Titoli e qualifiche',
      maxLength: 1000,
      admin: { description: 'Laurea, specializzazioni, incarichi: una riga per voce.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'ordineProvince',
          type: 'text',
          label: 'Ordine dei Medici (provincia)',
          maxLength: 60,
        },
        {
          name: 'ordineNumber',
          type: 'text',
          label: 'Numero di iscrizione',
          maxLength: 20,
          validate: (value: unknown) =>
            value == null || value === '' || /^[0-9A-Za-z/-]{1,20}$/.test(String(value))
              ? true
              : 'Il numero di iscrizione può contenere solo cifre, lettere, «/» e «-».',
        },
      ],
    },
    { name: 'bio', type: 'textarea', label: 'Biografia', maxLength: 3000 },
    { name: 'photo', type: 'upload', label: 'Foto', relationTo: 'media' },
    linksField({ name: 'profileLinks', label: 'Profili (sito, LinkedIn, Doctolib…)' }),
  ],
}
