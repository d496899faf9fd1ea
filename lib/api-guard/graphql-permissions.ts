import {
  getNamedType,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
} from 'graphql'

/**
 * Payload hands out permissions in their short form (`true` for "everything allowed", a missing
 * key for "not allowed"), which REST's `/api/access` returns as is. Its GraphQL `Access` and
 * `docAccess…` types expect every `{ permission }` spelled out, so a staff query such as
 * `{ Access { posts { read { permission } } } }` ended in "Cannot return null for non-nullable
 * field" and a 500. This wraps those queries' resolvers so that the answer has the schema's shape.
 */

type Source = Record<string, unknown>

/** `value` (short form) in the shape of `type`: each `{ permission }` explicit, false if absent. */
export function expandPermissions(type: GraphQLOutputType, value: unknown): unknown {
  const named = getNamedType(type)
  if (!isObjectType(named)) return value
  const fields = named.getFields()
  const source = typeof value === 'object' && value !== null ? (value as Source) : undefined
  if ('permission' in fields) {
    return { ...source, permission: source ? source.permission === true : value === true }
  }
  // `true` allows everything below it; anything else missing allows nothing.
  const below = (name: string) => (source ? source[name] : value === true ? true : undefined)
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      expandPermissions(field.type, below(name)),
    ]),
  )
}

type QueryField = GraphQLFieldConfig<unknown, unknown>

/** The `Access` and `docAccess…` queries of `fields`, with resolvers that expand their answer. */
export function explicitPermissionQueries(fields: Record<string, QueryField>) {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => name === 'Access' || name.startsWith('docAccess'))
      .map(([name, field]): [string, QueryField] => [
        name,
        {
          ...field,
          resolve: async (...args) => {
            const answer = await field.resolve?.(...args)
            return expandPermissions(field.type, answer)
          },
        },
      ]),
  )
}
