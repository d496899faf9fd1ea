import type { Config, DateField, Field, Plugin } from 'payload'

import { mapConfigFields } from '@/lib/fields/map-fields'

import { ADMIN_TIME_ZONE, adminTimezones } from './dates'

/**
 * Payload shows a date in the browser's own zone unless the field has a time zone: an editor on
 * holiday abroad, or a laptop set to UTC, would read and pick publication times an hour or two
 * off. Every date field therefore gets the clinic's zone as its only choice. Its companion
 * `<name>_tz` field is virtual (no column, nothing to migrate) and always reads Europe/Rome,
 * which is what Payload's date picker and list cells use to convert.
 */
const romeTimezone: NonNullable<DateField['timezone']> = {
  ...adminTimezones,
  override: ({ baseField }) => ({
    ...baseField,
    virtual: true,
    hooks: { afterRead: [() => ADMIN_TIME_ZONE] },
  }),
}

const withRomeZone = (field: Field): Field =>
  field.type === 'date' && !field.timezone ? { ...field, timezone: romeTimezone } : field

/** Payload's own timestamps, declared here (as Payload would add them) so they get the zone too. */
const timestamp = (name: 'createdAt' | 'updatedAt'): DateField => ({
  name,
  type: 'date',
  index: true,
  label: ({ t }) => t(`general:${name}`),
  admin: { disableBulkEdit: true, hidden: true },
})

function withTimestamps(fields: Field[]): Field[] {
  const named = new Set(fields.flatMap((field) => ('name' in field ? [field.name] : [])))
  const missing = (['updatedAt', 'createdAt'] as const).filter((name) => !named.has(name))
  return [...fields, ...missing.map(timestamp)]
}

/** Last in `plugins`, so that it also sees the collections other plugins add (redirects). */
export const romeDates: Plugin = (config: Config): Config =>
  mapConfigFields(
    {
      ...config,
      collections: config.collections?.map((collection) =>
        collection.timestamps === false
          ? collection
          : { ...collection, fields: withTimestamps(collection.fields) },
      ),
    },
    withRomeZone,
  )
