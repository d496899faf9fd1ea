import type { ArrayField } from 'payload'

import { normalizeDoi, validateDoi, validatePmid, validateReferenceLink } from '@/lib/references'

/**
 * The article's sources ("Fonti"): structured so that they render as a numbered list with DOI
 * and PubMed links and reach the JSON-LD as `citation`. Each entry needs a way for the reader
 * to check it: a DOI, a PubMed ID or a web address.
 */
export const referencesField: ArrayField = {
  name: 'references',
  type: 'array',
  label: 'Fonti',
  labels: { singular: 'Fonte', plural: 'Fonti' },
  maxRows: 60,
  admin: {
    description:
      'Studi, linee guida e testi citati. Per ogni fonte indica almeno un DOI, un PubMed ID o un indirizzo web.',
    initCollapsed: true,
  },
  fields: [
    {
      name: 'authors',
      type: 'text',
      label: 'Autori',
      maxLength: 300,
      admin: { description: 'Ad esempio: Rossi M, Bianchi L, et al.' },
    },
    { name: 'title', type: 'text', label: 'Titolo', required: true, maxLength: 300 },
    {
      type: 'row',
      fields: [
        { name: 'publisher', type: 'text', label: 'Rivista o editore', maxLength: 200 },
        { name: 'year', type: 'number', label: 'Anno', min: 1800, max: 2100, admin: { step: 1 } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'doi',
          type: 'text',
          label: 'DOI',
          maxLength: 200,
          validate: validateDoi,
          hooks: { beforeValidate: [({ value }) => normalizeDoi(value)] },
          admin: { description: 'Ad esempio 10.1016/j.fas.2019.01.001' },
        },
        { name: 'pmid', type: 'text', label: 'PubMed ID', maxLength: 12, validate: validatePmid },
        {
          name: 'url',
          type: 'text',
          label: 'Indirizzo web',
          maxLength: 500,
          validate: validateReferenceLink,
        },
      ],
    },
  ],
}
