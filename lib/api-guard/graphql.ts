import {
  GraphQLError,
  type ExecutionArgs,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import type { CollectionBeforeOperationHook, PayloadRequest, SanitizedConfig } from 'payload'

import { checkDocumentId } from './query'
import { checkSort, checkWhere } from './where'

/**
 * GraphQL types `where` by the schema, but lets through what the REST checks refuse: `all` on a
 * single-value field, objects as relationship values, any string as `sort` (`createdBy.hash`),
 * any string as an id. This hook runs the same checks on what a GraphQL resolver passes to the
 * operation. Only for GraphQL requests: REST is checked before its handler (rest.ts) and the
 * Local API is the app's own code.
 */
export const guardGraphQLArguments: CollectionBeforeOperationHook = async ({
  args,
  collection,
  req,
}) => {
  if (req.payloadAPI !== 'GraphQL') return args
  const { id, where, sort } = args as { id?: unknown; where?: unknown; sort?: unknown }
  const scope = { kind: 'collection', config: collection } as const
  if (id !== undefined && id !== null) checkDocumentId(id)
  if (where !== undefined && where !== null) await checkWhere(req, scope, where)
  if (sort !== undefined && sort !== null) await checkSort(req, scope, sort)
  return args
}

/** Adds the hook first on every collection of the built config (arrays copied, not mutated). */
export function guardGraphQLOperations(config: SanitizedConfig): void {
  for (const collection of config.collections) {
    collection.hooks = {
      ...collection.hooks,
      beforeOperation: [guardGraphQLArguments, ...(collection.hooks?.beforeOperation ?? [])],
    }
  }
}

/**
 * The permission map (`Access`, `docAccess…`) tells which fields and operations exist for whom:
 * the admin needs it, anonymous clients do not (the REST `/api/access` is refused likewise).
 */
export function staffOnlyPermissionQueries(args: ExecutionArgs): ValidationRule {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  return (context: ValidationContext) => ({
    Field(node) {
      if (req?.user || context.getParentType() !== context.getSchema().getQueryType()) return
      const name = node.name.value
      if (name === 'Access' || name.startsWith('docAccess')) {
        context.reportError(
          new GraphQLError(`"${name}" è riservato agli utenti autenticati.`, { nodes: [node] }),
        )
      }
    },
  })
}
