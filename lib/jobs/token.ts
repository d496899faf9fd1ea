import { createHmac, timingSafeEqual } from 'node:crypto'

/** Header the in-process job runner sends to prove it is the server itself. */
export const JOB_RUNNER_HEADER = 'x-clinica-job-runner'

/**
 * The runner's credential: derived from the Payload secret, so it never needs its own
 * configuration and changes when the secret is rotated. It only allows running jobs that
 * are already queued; each job still runs with the access of the user who scheduled it.
 */
export function jobRunnerToken(secret: string): string {
  return createHmac('sha256', secret).update('clinica-blog:job-runner:v1').digest('hex')
}

export function isJobRunnerToken(candidate: string | null | undefined, secret: string): boolean {
  if (!candidate) return false
  const expected = Buffer.from(jobRunnerToken(secret))
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
