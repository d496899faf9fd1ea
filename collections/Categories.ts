import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { rememberDeletedDependents, revalidateOnChange, revalidateOnDelete } from '@/lib/revalidate'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Categoria', plural: 'Categorie' },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'] },
  hooks: {
    afterChange: [revalidateOnChange],
    beforeDelete: [rememberDeletedDependents],
    afterDelete: [revalidateOnDelete],
  },
  fields: [
    { name: 'title', type: 'text', label: 'Nome', required: true, maxLength: 80 },
    slugField(),
    { name: 'description', type: 'textarea', label: 'Descrizione', maxLength: 600 },
    {
      name: 'medical',
      type: 'checkbox',
      label: 'Categoria medica',
      defaultValue: true,
      admin: {
        position: 'sidebar',
        description:
          'Gli articoli di una categoria medica si pubblicano solo con autore, revisore medico e data di revisione.',
      },
    },
    {
      name: 'parent',
      type: 'relationship',
      label: 'Categoria superiore',
      relationTo: 'categories',
      index: true,
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      admin: { position: 'sidebar' },
    },
  ],
}
