import type { GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { linksField } from '@/fields/links'
import { validatePartitaIva, validatePhone } from '@/fields/validators'
import { DEFAULT_BRAND_COLOR, validateBrandColor } from '@/lib/brand/contrast'
import { DEFAULT_RETENTION_DAYS } from '@/lib/booking/constants'
import { DEFAULT_MEDICAL_DISCLAIMER } from '@/lib/clinic'
import { normalizeHostName, validateRedirectHost } from '@/lib/redirects/external'
import { bumpRedirectsVersion } from '@/lib/redirects/version'
import { revalidateGlobalOnChange } from '@/lib/revalidate'

/** The proxy's redirect table depends on the allowlist of external hosts: reload it. */
const reloadRedirects: GlobalAfterChangeHook = async ({ doc }) => {
  await bumpRedirectsVersion()
  return doc
}

/** The clinic's identity: shown in the footer (as Italian rules for medical sites ask) and in structured data. */
export const Clinic: GlobalConfig = {
  slug: 'clinic',
  label: 'Clinica',
  access: { read: anyone, update: isAdmin },
  hooks: { afterChange: [revalidateGlobalOnChange, reloadRedirects] },
  fields: [
    {
      name: 'isDemo',
      type: 'checkbox',
      label: 'Dati dimostrativi',
      defaultValue: false,
      admin: {
        description:
          'Acceso quando questi dati sono di esempio (creati dal seed): sostituirli con quelli reali e spegnere.',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 120 },
        { name: 'legalName', type: 'text', label: 'Ragione sociale', maxLength: 160 },
        {
          name: 'vatNumber',
          type: 'text',
          label: 'Partita IVA',
          maxLength: 11,
          validate: validatePartitaIva,
        },
      ],
    },
    {
      name: 'introduction',
      type: 'textarea',
      label: 'Presentazione',
      maxLength: 600,
      admin: { description: 'Due o tre frasi sulla clinica, mostrate nella pagina iniziale.' },
    },
    {
      name: 'address',
      type: 'group',
      label: 'Indirizzo',
      fields: [
        { name: 'street', type: 'text', label: 'Via e numero civico', maxLength: 160 },
        {
          type: 'row',
          fields: [
            {
              name: 'postalCode',
              type: 'text',
              label: 'CAP',
              maxLength: 5,
              validate: (value: unknown) =>
                value == null || value === '' || /^[0-9]{5}$/.test(String(value))
                  ? true
                  : 'Il CAP deve avere 5 cifre.',
            },
            { name: 'city', type: 'text', label: 'Città', maxLength: 80 },
            { name: 'province', type: 'text', label: 'Provincia (sigla)', maxLength: 2 },
            {
              name: 'country',
              type: 'text',
              label: 'Paese (codice)',
              maxLength: 2,
              defaultValue: 'IT',
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: 'Telefono', maxLength: 24, validate: validatePhone },
        { name: 'email', type: 'email', label: 'E-mail' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'bookingEmail',
          type: 'email',
          label: 'E-mail per le prenotazioni',
          admin: {
            description:
              'Riceve l’avviso di ogni nuova richiesta di appuntamento (nome, recapiti, fascia oraria, mai il motivo della visita). Vuoto: l’e-mail della clinica.',
          },
        },
        {
          name: 'requestRetentionDays',
          type: 'number',
          label: 'Conservazione delle richieste chiuse (giorni)',
          defaultValue: DEFAULT_RETENTION_DAYS,
          min: 7,
          max: 3650,
          admin: {
            step: 1,
            description:
              'Le richieste di appuntamento chiuse o annullate sono cancellate automaticamente dopo questo numero di giorni (vuoto: 180). Il periodo è indicato nella pagina della privacy.',
          },
        },
      ],
    },
    {
      name: 'openingHours',
      type: 'array',
      label: 'Orari di apertura',
      labels: { singular: 'Fascia oraria', plural: 'Orari' },
      maxRows: 14,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'days', type: 'text', label: 'Giorni', required: true, maxLength: 60 },
            { name: 'hours', type: 'text', label: 'Orario', required: true, maxLength: 60 },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'logo',
          type: 'upload',
          label: 'Logo',
          relationTo: 'media',
          admin: {
            description:
              'Mostrato nell’intestazione del sito; da qui si generano anche le icone del sito (favicon).',
          },
        },
        {
          name: 'brandColor',
          type: 'text',
          label: 'Colore del marchio',
          defaultValue: DEFAULT_BRAND_COLOR,
          validate: validateBrandColor,
          admin: {
            description:
              'Colore esadecimale (ad esempio #0b5e73) per link e pulsanti: deve restare leggibile su fondo bianco (contrasto WCAG AA, almeno 4,5:1).',
          },
        },
      ],
    },
    {
      name: 'medicalDirector',
      type: 'relationship',
      label: 'Direttore sanitario',
      relationTo: 'authors',
    },
    linksField({ name: 'socialLinks', label: 'Profili social' }),
    {
      name: 'medicalDisclaimer',
      type: 'textarea',
      label: 'Avvertenza medica',
      maxLength: 600,
      defaultValue: DEFAULT_MEDICAL_DISCLAIMER,
      admin: { description: 'Mostrata in fondo a ogni articolo.' },
    },
    {
      // Read by the proxy (anonymously) to decide which external redirects it serves.
      name: 'redirectHosts',
      type: 'array',
      label: 'Siti esterni consentiti nei reindirizzamenti',
      labels: { singular: 'Sito esterno', plural: 'Siti esterni' },
      maxRows: 50,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description:
          'I redattori possono creare reindirizzamenti verso un altro sito solo se il suo nome è in questo elenco (esattamente: www.esempio.it non include esempio.it). Gli amministratori possono sempre.',
      },
      fields: [
        {
          name: 'host',
          type: 'text',
          label: 'Nome del sito',
          required: true,
          maxLength: 253,
          validate: validateRedirectHost,
          hooks: {
            beforeValidate: [
              ({ value }) => (typeof value === 'string' ? normalizeHostName(value) : value),
            ],
          },
        },
      ],
    },
  ],
}
