import type { Field, Tab } from 'payload'

import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'

/** Stored at `meta.focusKeyphrase`: the editorial checks look for it, the site never shows it. */
const focusKeyphraseField: Field = {
  name: 'focusKeyphrase',
  type: 'text',
  label: 'Frase chiave principale',
  maxLength: 100,
  admin: {
    description:
      'Le parole con cui un paziente cercherebbe l’articolo (es. «alluce valgo intervento»). Serve ai controlli SEO nella colonna a destra; non compare sul sito.',
  },
}

type SeoTabOptions = {
  /** Adds the focus keyphrase used by the editorial checks (posts). */
  focusKeyphrase?: boolean
}

/** The search-engine tab (title, description, sharing image) with the plugin's live preview. */
export const seoTab = ({ focusKeyphrase = false }: SeoTabOptions = {}): Tab => ({
  name: 'meta',
  label: 'SEO',
  fields: [
    ...(focusKeyphrase ? [focusKeyphraseField] : []),
    OverviewField({
      titlePath: 'meta.title',
      descriptionPath: 'meta.description',
      imagePath: 'meta.image',
    }),
    MetaTitleField({ hasGenerateFn: true, overrides: { maxLength: 70 } }),
    MetaDescriptionField({ hasGenerateFn: true, overrides: { maxLength: 200 } }),
    MetaImageField({ relationTo: 'media' }),
    {
      name: 'noindex',
      type: 'checkbox',
      label: 'Nascondi ai motori di ricerca (noindex)',
      defaultValue: false,
      admin: {
        description:
          'La pagina resta visibile ai visitatori ma non viene indicizzata né inclusa nella sitemap.',
      },
    },
    PreviewField({
      hasGenerateFn: true,
      titlePath: 'meta.title',
      descriptionPath: 'meta.description',
    }),
  ],
})
