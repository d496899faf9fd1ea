import type { Config, Field, FieldHook, Plugin, SelectType } from 'payload'

import { mapConfigFields } from '@/lib/fields/map-fields'

/**
 * An array row's id is the primary key of the row's table on SQLite: an API client that copies a
 * post's rows (ids included) into another post, or sends one row twice, would make the save fail
 * with a database error. Mongo would accept it, so both engines would disagree. Before a save,
 * every row whose id is already taken (by another document of the collection, or by an earlier
 * row of the same save) loses it, and Payload's own id hook gives it a fresh one. Rows keep their
 * ids otherwise, so the admin form's rows stay the same rows.
 */

type Row = Record<string, unknown> & { id?: unknown }

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null

/** `faq.0.items` → `faq.items`: the field's path in a query, without row indexes. */
const queryPath = (path: (number | string)[]) =>
  path.filter((segment) => typeof segment !== 'number' && !/^\d+$/.test(segment)).join('.')

type Include = { [name: string]: true | Include }

/** A `select` of the array alone: `faq` → { faq: true }, `group.items` → { group: { items: true } }. */
const selectOnly = (segments: string[]): SelectType =>
  segments.reduceRight<true | Include>((inner, name) => ({ [name]: inner }), true) as Include

/** The ids of `rows` that rows of other documents already hold, in one query. */
async function takenElsewhere(
  args: Parameters<FieldHook>[0],
  candidates: string[],
): Promise<Set<string>> {
  const { collection, originalDoc, path, req } = args
  if (!collection || candidates.length === 0) return new Set()
  const fieldPath = queryPath(path)
  const segments = fieldPath.split('.')
  const others = await req.payload.find({
    collection: collection.slug,
    where: {
      and: [
        { [`${fieldPath}.id`]: { in: candidates } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    select: selectOnly(segments),
    depth: 0,
    // Every document holding one of them (on MongoDB several may hold the same copied id).
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const wanted = new Set(candidates)
  const taken = new Set<string>()
  // Walk the found documents along the path (arrays of arrays included) to the row ids.
  const collect = (value: unknown, segments: string[]): void => {
    if (Array.isArray(value)) return value.forEach((item) => collect(item, segments))
    if (!isRow(value)) return
    const [head, ...rest] = segments
    if (head === undefined) {
      if (typeof value.id === 'string' && wanted.has(value.id)) taken.add(value.id)
      return
    }
    collect(value[head], rest)
  }
  for (const doc of others.docs) collect(doc, segments)
  return taken
}

export const uniqueRowIds: FieldHook = async (args) => {
  const { value, previousValue } = args
  if (!Array.isArray(value)) return value
  const ownIds = new Set(
    Array.isArray(previousValue)
      ? previousValue.flatMap((row: unknown) =>
          isRow(row) && typeof row.id === 'string' ? [row.id] : [],
        )
      : [],
  )
  // Only ids this document did not already hold can belong to another document.
  const candidates = value.flatMap((row: unknown) =>
    isRow(row) && typeof row.id === 'string' && row.id && !ownIds.has(row.id) ? [row.id] : [],
  )
  const taken = await takenElsewhere(args, [...new Set(candidates)])
  const seen = new Set<string>()
  return value.map((row: unknown) => {
    if (!isRow(row) || typeof row.id !== 'string' || !row.id) return row
    if (taken.has(row.id) || seen.has(row.id)) {
      const { id: _taken, ...fresh } = row
      return fresh
    }
    seen.add(row.id)
    return row
  })
}

const withUniqueRowIds = (field: Field): Field =>
  field.type === 'array'
    ? {
        ...field,
        hooks: {
          ...field.hooks,
          beforeChange: [uniqueRowIds, ...(field.hooks?.beforeChange ?? [])],
        },
      }
    : field

/** Last in `plugins`, so that it also sees the arrays of the collections plugins add. */
export const uniqueArrayRowIds: Plugin = (config: Config): Config =>
  mapConfigFields(config, withUniqueRowIds)
