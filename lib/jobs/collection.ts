import { APIError, type CollectionBeforeOperationHook, type SanitizedConfig } from 'payload'

import { hasRole } from '@/access/roles'

export const CANCEL_REFUSED =
  'Solo i redattori e gli amministratori possono annullare una pubblicazione programmata.'

/**
 * Payload's admin "schedule publish" server function deletes a scheduled job by id for any
 * signed-in user (with access control off): an author could cancel an editor's scheduled
 * publication. Only editors and admins may remove jobs; the runner itself deletes finished jobs
 * without hooks, and code without a user (scripts) is not affected.
 */
export const onlyEditorsCancelJobs: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // Before the operation, not per document: a delete by `where` (what the admin action runs)
  // would only collect a per-document refusal and report success.
  if (operation === 'delete' && req.user && !hasRole(req.user, 'admin', 'editor')) {
    throw new APIError(CANCEL_REFUSED, 403, { rule: 'only-editors-cancel' }, true)
  }
  return args
}

/**
 * Adds the rule to the built jobs collection. After sanitisation, not through
 * `jobs.jobsCollectionOverrides`: Payload warns there that extra hooks need `runHooks` (which
 * only concerns its queue internals and would slow every job down).
 */
export function protectJobsCollection(config: SanitizedConfig): SanitizedConfig {
  const jobs = config.collections.find((collection) => collection.slug === 'payload-jobs')
  if (!jobs)
    throw new Error('the payload-jobs collection is missing: scheduled publishing needs it')
  jobs.hooks.beforeOperation = [...(jobs.hooks.beforeOperation ?? []), onlyEditorsCancelJobs]
  return config
}
