import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import type { Config, Field } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/roles'

import { collapseChainsAndReload, reloadRedirects, validateRedirect } from './hooks'

/**
 * The redirect manager: editors add redirects in the admin; renaming a published post adds
 * one automatically (see collections/Posts/hooks/redirectOldSlug.ts). Served as 301/302 by
 * proxy.ts before any page renders.
 */
/** The plugin ships no Italian: its labels showed as raw keys (`plugin-redirects:toUrlType`). */
const REDIRECTS_IT = {
  'plugin-redirects': {
    customUrl: 'Indirizzo personalizzato',
    documentToRedirect: 'Documento di destinazione',
    fromUrl: 'Da (percorso vecchio)',
    internalLink: 'Pagina o articolo del sito',
    redirectType: 'Tipo di reindirizzamento',
    toUrlType: 'Tipo di destinazione',
  },
}

const redirectsWithoutItalian = redirectsPlugin({
  collections: ['posts', 'pages'],
  redirectTypes: ['301', '302'],
  redirectTypeFieldOverride: {
    defaultValue: '301',
    label: 'Tipo di reindirizzamento',
    options: [
      { label: '301 - Permanente', value: '301' },
      { label: '302 - Temporaneo', value: '302' },
    ],
  },
  overrides: {
    labels: { singular: 'Reindirizzamento', plural: 'Reindirizzamenti' },
    access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
    admin: {
      useAsTitle: 'from',
      defaultColumns: ['from', 'to.type', 'type', 'updatedAt'],
      description:
        'Indirizzi vecchi che portano a quelli nuovi. Quelli degli articoli rinominati vengono creati automaticamente.',
    },
    hooks: {
      beforeValidate: [validateRedirect],
      afterChange: [collapseChainsAndReload],
      afterDelete: [reloadRedirects],
    },
    fields: ({ defaultFields }: { defaultFields: Field[] }) => [
      ...defaultFields.map((field): Field =>
        field.type === 'text' && field.name === 'from'
          ? {
              ...field,
              label: 'Da (percorso vecchio)',
              admin: { description: 'Percorso del sito, ad esempio /blog/vecchio-indirizzo.' },
            }
          : field,
      ),
      {
        // Set by validateRedirect only: an admin saved this target on another site. The proxy
        // serves other external targets only while their host is in the Clinic's allowlist.
        name: 'externalApproved',
        type: 'checkbox',
        label: 'Sito esterno approvato da un amministratore',
        defaultValue: false,
        access: { create: () => false, update: () => false },
        admin: {
          position: 'sidebar',
          readOnly: true,
          condition: (data) => Boolean(data?.externalApproved),
        },
      },
    ],
  },
})

/** The redirect manager with the Italian labels merged into the config's translations. */
export const redirects = (config: Config): Config =>
  redirectsWithoutItalian({
    ...config,
    i18n: {
      ...config.i18n,
      translations: {
        ...config.i18n?.translations,
        it: { ...config.i18n?.translations?.it, ...REDIRECTS_IT },
      },
    },
  })
