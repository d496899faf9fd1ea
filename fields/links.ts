import type { Field } from 'payload'

import { validateHttpUrl } from './validators'

/** A list of labelled external links (profiles, social networks). */
export const linksField = ({ name, label }: { name: string; label: string }): Field => ({
  name,
  type: 'array',
  label,
  maxRows: 10,
  labels: { singular: 'Collegamento', plural: 'Collegamenti' },
  fields: [
    { name: 'label', type: 'text', label: 'Etichetta', required: true, maxLength: 60 },
    {
      name: 'url',
      type: 'text',
      label: 'Indirizzo (URL)',
      required: true,
      validate: validateHttpUrl,
    },
  ],
})
