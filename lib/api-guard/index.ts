import type { SanitizedConfig } from 'payload'

import { REFUSED_QUERY } from './errors'
import { guardGraphQLOperations } from './graphql'
import { guardDocumentLocks } from './locked-documents'
import { guardRestEndpoints } from './rest'

export { costLimit } from './graphql-cost'
export { staffOnlyPermissionQueries } from './graphql'
export * from './limits'

/**
 * What the public API accepts, applied to the built (sanitised) config: Payload adds the
 * locked-documents collection and its default endpoints only while it sanitises, so this runs
 * after `buildConfig`. REST: bounded `limit`/`page`/`depth`, no `pagination=false`, checked
 * `where`/`sort`/ids, no permission map for anonymous clients. GraphQL: the same argument checks
 * (the cost and permission-map rules are validation rules, see payload.config.ts). Locks: own
 * name only, admins remove others'.
 */
export function hardenApi(config: SanitizedConfig): SanitizedConfig {
  guardRestEndpoints(config)
  guardGraphQLOperations(config)
  guardDocumentLocks(config)
  // A refused query is the client's mistake (400), not the server's: an info line, not an error.
  config.loggingLevels = {
    ...config.loggingLevels,
    [REFUSED_QUERY]: 'info',
  } as SanitizedConfig['loggingLevels']
  return config
}
