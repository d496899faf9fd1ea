import { describe, expect, it } from '@jest/globals'
import type { Field } from 'payload'

import { setupTestPayload } from './helpers/payload'

/*
 * Dates in the Italian admin read 30/11/2026 08:45, not "Nov 30, 2026 8:45 AM": Payload's date
 * picker ignores `admin.dateFormat`, so every date field an editor sees sets its own format.
 */
const ctx = setupTestPayload()

type DateField = Extract<Field, { type: 'date' }>

/** Every date field an editor can see, with its path, through groups, tabs, rows and arrays. */
function visibleDateFields(fields: Field[], prefix = ''): { path: string; field: DateField }[] {
  return fields.flatMap((field) => {
    if ('hidden' in field && field.hidden) return []
    if (field.admin && 'hidden' in field.admin && field.admin.hidden) return []
    if (field.admin && 'disabled' in field.admin && field.admin.disabled) return []
    const path = 'name' in field ? `${prefix}${field.name}` : prefix
    const nested = 'name' in field ? `${path}.` : prefix
    if (field.type === 'date') return [{ path, field }]
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        visibleDateFields(tab.fields, 'name' in tab && tab.name ? `${nested}${tab.name}.` : nested),
      )
    }
    if (field.type === 'blocks') {
      return field.blocks.flatMap((block) => visibleDateFields(block.fields, nested))
    }
    if ('fields' in field) return visibleDateFields(field.fields, nested)
    return []
  })
}

const PAYLOAD_TIMESTAMPS = new Set(['createdAt', 'updatedAt'])

describe('dates in the admin', () => {
  it('shows every date field as dd/MM/yyyy, with a 24-hour time where there is one', () => {
    const { config } = ctx.payload
    const entities = [
      ...config.collections.filter((collection) => !collection.admin?.hidden),
      ...config.globals,
    ]
    const found = entities.flatMap((entity) =>
      visibleDateFields(entity.fields)
        .filter(({ path }) => !PAYLOAD_TIMESTAMPS.has(path))
        .map(({ path, field }) => ({
          at: `${entity.slug}.${path}`,
          date: field.admin?.date,
        })),
    )
    expect(found.map(({ at }) => at)).toEqual(
      expect.arrayContaining([
        'posts.publishedAt',
        'posts.lastReviewedAt',
        'appointment-requests.consentAt',
        'appointment-requests.delivery.nextAttemptAt',
      ]),
    )
    for (const { at, date } of found) {
      const withTime = date?.pickerAppearance !== 'dayOnly'
      expect({ at, displayFormat: date?.displayFormat }).toEqual({
        at,
        displayFormat: withTime ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy',
      })
      if (withTime) {
        expect({
          at,
          timeFormat: date && 'timeFormat' in date ? date.timeFormat : undefined,
        }).toEqual({ at, timeFormat: 'HH:mm' })
      }
    }
  })

  it('formats lists and the sidebar the same way, in the clinic’s time zone', () => {
    const { admin } = ctx.payload.config
    expect(admin.dateFormat).toBe('dd/MM/yyyy HH:mm')
    expect(admin.timezones.defaultTimezone).toBe('Europe/Rome')
    expect(admin.timezones.supportedTimezones?.map((zone) => zone.value)).toEqual(['Europe/Rome'])
  })

  it('gives every date field, timestamps and plugin collections included, the clinic’s zone', () => {
    const { config } = ctx.payload
    const entities = [...config.collections, ...config.globals].filter(
      (entity) => !entity.slug.startsWith('payload-'),
    )
    const withoutZone = entities.flatMap((entity) =>
      visibleDateFields(entity.fields, `${entity.slug}.`)
        .filter(({ field }) => !field.timezone)
        .map(({ path }) => path),
    )
    expect(withoutZone).toEqual([])
    const zoned = entities.flatMap((entity) =>
      allDateFields(entity.fields).map((field) => `${entity.slug}.${field.name}`),
    )
    expect(zoned).toEqual(
      expect.arrayContaining([
        'posts.publishedAt',
        'posts.updatedAt',
        'posts.createdAt',
        'redirects.updatedAt',
        'appointment-requests.createdAt',
      ]),
    )
  })

  it('keeps the zone out of the database: every document reads Europe/Rome, whatever was sent', async () => {
    const { payload } = ctx
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: 'Fuso orario',
        publishedAt: '2026-11-30T08:45:00.000Z',
        // Sent by a client that tried another zone: nothing stores it.
        publishedAt_tz: 'Europe/Rome',
        ...({ updatedAt_tz: 'America/New_York' } as object),
      },
      context: { disableRevalidate: true },
    })
    const read = await payload.findByID({ collection: 'posts', id: post.id, draft: true })
    expect(read).toMatchObject({
      publishedAt: '2026-11-30T08:45:00.000Z',
      publishedAt_tz: 'Europe/Rome',
      updatedAt_tz: 'Europe/Rome',
      createdAt_tz: 'Europe/Rome',
    })
    const raw = await payload.db.findOne<{ id: string } & Record<string, unknown>>({
      collection: 'posts',
      where: { id: { equals: post.id } },
    })
    expect(raw && Object.keys(raw).filter((key) => key.endsWith('_tz'))).toEqual([])
  })
})

/** Every date field, hidden ones (Payload's timestamps) included. */
function allDateFields(fields: Field[]): DateField[] {
  return fields.flatMap((field) => {
    if (field.type === 'date') return [field]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => allDateFields(tab.fields))
    if (field.type === 'blocks') return field.blocks.flatMap((block) => allDateFields(block.fields))
    if ('fields' in field) return allDateFields(field.fields)
    return []
  })
}
