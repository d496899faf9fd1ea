import type { CollectionConfig } from 'payload'

import { adminDateTime } from '@/lib/admin/dates'
import {
  APPOINTMENT_REQUESTS_SLUG,
  BOOKING_LIMITS,
  DEFAULT_PREFERRED_PERIOD,
  DELIVERY_STATUSES,
  PREFERRED_PERIODS,
  REQUEST_STATUSES,
} from '@/lib/booking/constants'

import { immutableField, isStaff, nobody } from './access'
import { exportEndpoint } from './endpoints'
import { requireContactAndConsent } from './hooks'
import { recordStatusChange } from './lifecycle'

const immutable = { update: immutableField }
const systemDate = (name: string, label: string) =>
  ({
    name,
    type: 'date',
    label,
    admin: {
      readOnly: true,
      position: 'sidebar',
      date: adminDateTime,
    },
  }) as const

/** Inside the delivery group: read-only, not in the sidebar, still in the admin's format. */
const inDeliveryGroup = { readOnly: true, date: adminDateTime } as const

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
    defaultColumns: [
      'name',
      'status',
      'preferredPeriod',
      'phone',
      'email',
      'createdAt',
      'delivery',
    ],
    listSearchableFields: ['name', 'email', 'phone'],
    description:
      'Richieste inviate dai pazienti con il modulo «Prenota una visita». Contengono dati personali e relativi alla salute (GDPR, art. 9): usali solo per ricontattare il paziente, non copiarli altrove. Le richieste chiuse o annullate sono cancellate automaticamente dopo il periodo di conservazione impostato in Clinica. Per una richiesta di accesso del paziente, un amministratore può scaricarne i dati in JSON da /api/appointment-requests/<id>/export.',
  },
  hooks: { beforeValidate: [requireContactAndConsent], beforeChange: [recordStatusChange] },
  endpoints: [exportEndpoint],
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
      admin: {
        position: 'sidebar',
        description:
          'Nuova → Contattata → Chiusa / Annullata. Chi cambia lo stato e quando viene registrato.',
      },
    },
    {
      name: 'handledBy',
      type: 'relationship',
      label: 'Gestita da',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
    },
    systemDate('handledAt', 'Ultimo cambio di stato'),
    {
      ...systemDate('closedAt', 'Chiusa o annullata il'),
      index: true,
    },
    {
      // Written by lib/booking/notify.ts only (the lifecycle hook keeps clients from changing it).
      name: 'delivery',
      type: 'group',
      label: 'Avvisi e-mail',
      admin: {
        position: 'sidebar',
        description:
          'Avviso alla clinica e conferma al paziente (se ha lasciato un’e-mail). In caso di errore l’invio viene ritentato automaticamente.',
      },
      fields: [
        {
          name: 'status',
          type: 'select',
          label: 'Stato dell’invio',
          defaultValue: 'in_coda',
          index: true,
          options: [...DELIVERY_STATUSES],
          admin: { readOnly: true },
        },
        {
          name: 'attempts',
          type: 'number',
          label: 'Tentativi falliti',
          defaultValue: 0,
          admin: { readOnly: true },
        },
        { ...systemDate('nextAttemptAt', 'Prossimo tentativo'), admin: inDeliveryGroup },
        { name: 'lastError', type: 'text', label: 'Ultimo errore', admin: { readOnly: true } },
        { ...systemDate('clinicNotifiedAt', 'Clinica avvisata il'), admin: inDeliveryGroup },
        {
          ...systemDate('patientConfirmedAt', 'Conferma al paziente inviata il'),
          admin: inDeliveryGroup,
        },
      ],
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
        date: adminDateTime,
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
