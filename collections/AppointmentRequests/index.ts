import type { CollectionConfig } from 'payload'

import {
  APPOINTMENT_REQUESTS_SLUG,
  BOOKING_LIMITS,
  DEFAULT_PREFERRED_PERIOD,
  PREFERRED_PERIODS,
  REQUEST_STATUSES,
} from '@/lib/booking/constants'

import { immutableField, isStaff, nobody } from './access'
import { requireContactAndConsent } from './hooks'

const immutable = { update: immutableField }

/**
 * Appointment requests sent by patients from /prenota. Health data (GDPR art. 9): only staff
 * read them, nobody creates them through the REST or GraphQL API (the booking service writes
 * with the Local API after validating, see lib/booking/store.ts), and what the patient sent
 * cannot be edited afterwards: staff only move the request through its statuses.
 */
export const AppointmentRequests: CollectionConfig = {
  slug: APPOINTMENT_REQUESTS_SLUG,
  labels: { singular: 'Richiesta di appuntamento', plural: 'Richieste di appuntamento' },
  access: {
    read: isStaff,
    update: isStaff,
    delete: isStaff,
    create: nobody,
  },
  // Not needed by the site: keep it out of the GraphQL schema altogether.
  graphQL: false,
  disableDuplicate: true,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'status', 'preferredPeriod', 'phone', 'email', 'createdAt'],
    listSearchableFields: ['name', 'email', 'phone'],
    description:
      'Richieste inviate dai pazienti con il modulo «Prenota una visita». Contengono dati personali e relativi alla salute (GDPR, art. 9): usali solo per ricontattare il paziente, non copiarli altrove ed elimina le richieste chiuse quando non servono più.',
  },
  hooks: { beforeValidate: [requireContactAndConsent] },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: 'Nome e cognome',
      required: true,
      maxLength: BOOKING_LIMITS.name,
      access: immutable,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'phone',
          type: 'text',
          label: 'Telefono',
          maxLength: BOOKING_LIMITS.phone,
          access: immutable,
        },
        {
          name: 'email',
          type: 'text',
          label: 'E-mail',
          maxLength: BOOKING_LIMITS.email,
          access: immutable,
        },
      ],
    },
    {
      name: 'preferredPeriod',
      type: 'select',
      label: 'Fascia oraria preferita',
      required: true,
      defaultValue: DEFAULT_PREFERRED_PERIOD,
      options: [...PREFERRED_PERIODS],
      access: immutable,
    },
    {
      name: 'reason',
      type: 'textarea',
      label: 'Motivo della visita',
      required: true,
      maxLength: BOOKING_LIMITS.reason,
      access: immutable,
    },
    {
      name: 'status',
      type: 'select',
      label: 'Stato',
      required: true,
      defaultValue: 'nuova',
      index: true,
      options: [...REQUEST_STATUSES],
      admin: { position: 'sidebar' },
    },
    {
      name: 'consent',
      type: 'checkbox',
      label: 'Consenso al trattamento dei dati',
      required: true,
      defaultValue: false,
      access: immutable,
      admin: { position: 'sidebar' },
    },
    {
      name: 'consentAt',
      type: 'date',
      label: 'Data del consenso',
      access: immutable,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      },
    },
    {
      name: 'submissionId',
      type: 'text',
      label: 'Identificativo dell’invio',
      required: true,
      unique: true,
      index: true,
      access: immutable,
      admin: {
        position: 'sidebar',
        description: 'Generato dal modulo: impedisce che un doppio invio crei due richieste.',
      },
    },
    {
      // HMAC of the sender's IP address, never the address itself: lets staff spot abuse
      // (many requests from one source) without storing the IP.
      name: 'ipHash',
      type: 'text',
      label: 'Impronta dell’indirizzo IP',
      access: immutable,
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
