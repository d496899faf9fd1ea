import type { Tab } from 'payload'

import {
  MetaDescriptionField,
  MetaImageField,
  MetaTitleField,
  OverviewField,
  PreviewField,
} from '@payloadcms/plugin-seo/fields'

/** The search-engine tab (title, description, sharing image) with the plugin's live preview. */
export const seoTab: Tab = {
  name: 'meta',
  label: 'SEO',
  fields: [
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
}
