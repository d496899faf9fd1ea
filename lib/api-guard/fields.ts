import {
  buildVersionCollectionFields,
  buildVersionGlobalFields,
  type FlattenedField,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type SanitizedGlobalConfig,
} from 'payload'

import { collectionBySlug, evaluateAccess } from './access'

/**
 * Resolves the field paths a request names in `where` and `sort` against the collection's
 * schema, and tells whether the requester may read every field on the way. Payload checks `where`
 * paths itself, but lets a `sort` through when it cannot resolve it (e.g. `createdBy.hash`, a
 * hidden field of another collection), and the database then sorts by it anyway.
 */

/** What a request is about: a collection or a global, with its versions' fields. */
export type Scope =
  | { kind: 'collection'; config: SanitizedCollectionConfig }
  | { kind: 'global'; config: SanitizedGlobalConfig }

/** Fields of an auth collection that no API request may filter or sort by, whoever asks. */
const AUTH_SECRETS = new Set([
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  '_verificationToken',
])

/** What a path ends on, reduced to what decides its operators and values. */
export type Leaf =
  | { kind: 'field'; field: FlattenedField }
  /** A document id, or one side of a polymorphic relationship (`relationTo` / `value`). */
  | { kind: 'id' }
  | { kind: 'text' }

export type ResolvedPath = {
  leaf: Leaf
  /** Every named field walked through, and whether it belongs to an auth collection. */
  steps: { field: FlattenedField; auth: boolean }[]
  /** Collections entered through a relationship (`createdBy.name` enters `users`). */
  hops: string[]
}

const fieldsCache = new WeakMap<object, FlattenedField[]>()

/** The scope's fields plus, when it keeps versions, those of its versions (`version.title`, `parent` …). */
export function scopeFields(req: PayloadRequest, scope: Scope): FlattenedField[] {
  const cached = fieldsCache.get(scope.config)
  if (cached) return cached
  const own = scope.config.flattenedFields
  const versions = !scope.config.versions
    ? []
    : scope.kind === 'collection'
      ? buildVersionCollectionFields(req.payload.config, scope.config, true)
      : buildVersionGlobalFields(req.payload.config, scope.config, true)
  const names = new Set(own.map((field) => field.name))
  const fields = [...own, ...versions.filter((field) => !names.has(field.name))]
  fieldsCache.set(scope.config, fields)
  return fields
}

const SEGMENT = /^\w+$/

/** The path's fields, or `null` when it names nothing a query can use. */
export function resolvePath(req: PayloadRequest, scope: Scope, path: string): ResolvedPath | null {
  // GraphQL spells nested paths with `__` (procedure__name); Payload accepts both.
  const segments = path.replace(/__/g, '.').split('.')
  if (segments.some((segment) => !SEGMENT.test(segment))) return null
  let fields = scopeFields(req, scope)
  let auth = scope.kind === 'collection' && Boolean(scope.config.auth)
  const steps: ResolvedPath['steps'] = []
  const hops: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const last = i === segments.length - 1
    const field = fields.find((candidate) => candidate.name === segment)
    if (!field) {
      if (last && (segment === 'id' || segment === '_id'))
        return { leaf: { kind: 'id' }, steps, hops }
      return null
    }
    steps.push({ field, auth })
    if (last) return { leaf: { kind: 'field', field }, steps, hops }
    const next = segments[i + 1]!
    switch (field.type) {
      case 'group':
      case 'tab':
      case 'array':
        fields = field.flattenedFields
        break
      case 'blocks': {
        if (next === 'blockType' && i + 1 === segments.length - 1) {
          return { leaf: { kind: 'text' }, steps, hops }
        }
        fields = field.blocks.flatMap((block) => block.flattenedFields)
        break
      }
      case 'relationship':
      case 'upload': {
        if (Array.isArray(field.relationTo)) {
          // Polymorphic: only `relationTo` and `value` can be queried, never deeper.
          if (i + 1 !== segments.length - 1) return null
          if (next === 'relationTo') return { leaf: { kind: 'text' }, steps, hops }
          if (next === 'value') return { leaf: { kind: 'id' }, steps, hops }
          return null
        }
        if (next === 'id' && i + 1 === segments.length - 1) {
          return { leaf: { kind: 'field', field }, steps, hops }
        }
        const related = collectionBySlug(req, field.relationTo)?.config
        if (!related) return null
        hops.push(related.slug)
        fields = related.flattenedFields
        auth = Boolean(related.auth)
        break
      }
      default:
        return null
    }
  }
  return null
}

/**
 * Whether the requester may use every field of the path: never hidden or virtual fields or an
 * account's secrets; field read access must allow; every collection entered must be readable
 * (for a sort, readable without a constraint: the constraint would not apply to the ordering).
 */
export async function readableBy(
  req: PayloadRequest,
  resolved: ResolvedPath,
  use: 'where' | 'sort',
): Promise<boolean> {
  for (const { field, auth } of resolved.steps) {
    if ('hidden' in field && field.hidden) return false
    if ('virtual' in field && field.virtual === true) return false
    if (auth && AUTH_SECRETS.has(field.name)) return false
    if ('access' in field && !(await evaluateAccess(field.access?.read, req))) return false
  }
  for (const slug of resolved.hops) {
    const access = await evaluateAccess(collectionBySlug(req, slug)?.config.access.read, req)
    if (!access || (use === 'sort' && access !== true)) return false
  }
  return true
}
