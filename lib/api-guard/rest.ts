import { Forbidden, type Endpoint, type PayloadRequest, type SanitizedConfig } from 'payload'

import type { Scope } from './fields'
import { checkDocumentId, checkRestQuery } from './query'

/**
 * Puts the REST checks in front of every endpoint of the built config (Payload's own and the
 * collections' custom ones) instead of in operation hooks: hooks also run for the populations
 * and lookups Payload makes inside a request, which legitimately read without a limit.
 * A refusal thrown here is formatted by Payload like any other error (400 with the message).
 */

/** Payload's CRUD endpoints, whose query string it parses as `where`, `sort`, `limit` … */
const COLLECTION_QUERY_PATHS = new Set([
  '/',
  '/:id',
  '/count',
  '/versions',
  '/versions/:id',
  '/:id/duplicate',
  '/access/:id?',
  '/me',
])
const GLOBAL_QUERY_PATHS = new Set(['/', '/versions', '/versions/:id', '/access'])

/** Endpoints answering with the field-by-field permission map: staff only. */
const isAccessMap = (path: string) => path === '/access' || path.startsWith('/access/')

/** `:id` is a document id everywhere except in e-mail verification links (a token). */
const takesDocumentId = (path: string) =>
  !path.startsWith('/verify/') && path.split('/').some((part) => part === ':id' || part === ':id?')

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What the handler will read: the query string, and the JSON body of a GET sent as POST. */
const paramsOf = (req: PayloadRequest): Record<string, unknown> =>
  req.method === 'GET' && isPlainObject(req.data) ? { ...req.query, ...req.data } : req.query

function guarded<E extends Endpoint>(endpoint: E, scope: Scope | null, queryPaths: Set<string>): E {
  const { handler, path } = endpoint
  return {
    ...endpoint,
    handler: async (req: PayloadRequest) => {
      if (isAccessMap(path) && !req.user) throw new Forbidden(req.t)
      if (takesDocumentId(path) && req.routeParams?.id !== undefined) {
        checkDocumentId(req.routeParams.id)
      }
      if (scope && queryPaths.has(path)) {
        await checkRestQuery(req, scope, paramsOf(req), { read: endpoint.method === 'get' })
      }
      return handler(req)
    },
  }
}

/** Replaces the endpoints of the sanitised config with guarded copies (never mutating Payload's). */
export function guardRestEndpoints(config: SanitizedConfig): void {
  for (const collection of config.collections) {
    if (!collection.endpoints) continue
    const scope: Scope = { kind: 'collection', config: collection }
    collection.endpoints = collection.endpoints.map((endpoint) =>
      guarded(endpoint, scope, COLLECTION_QUERY_PATHS),
    )
  }
  for (const global of config.globals) {
    if (!global.endpoints) continue
    const scope: Scope = { kind: 'global', config: global }
    global.endpoints = global.endpoints.map((endpoint) =>
      guarded(endpoint, scope, GLOBAL_QUERY_PATHS),
    )
  }
  // The root endpoints' type is an intersection `map` cannot reproduce; the items are unchanged.
  config.endpoints = config.endpoints.map((endpoint) =>
    isAccessMap(endpoint.path) ? guarded(endpoint, null, new Set()) : endpoint,
  ) as typeof config.endpoints
}
