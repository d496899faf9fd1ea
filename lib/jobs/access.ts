import type { RunJobAccess } from 'payload'

import { hasRole } from '@/access/roles'

import { isJobRunnerToken, JOB_RUNNER_HEADER } from './token'

/**
 * Who may trigger `/api/payload-jobs/run`: the server's own runner (signed header) and staff
 * who publish. Payload's default lets any logged-in user run the queue.
 */
export const canRunJobs: RunJobAccess = ({ req }) =>
  hasRole(req.user, 'admin', 'editor') ||
  isJobRunnerToken(req.headers.get(JOB_RUNNER_HEADER), req.payload.config.secret)
