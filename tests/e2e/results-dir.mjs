import path from 'node:path'

/**
 * Where an e2e run writes its results and traces: test-results/e2e by default, and a folder per
 * build folder for parallel runs (E2E_DIST_DIR=.next-e2e-x → test-results/e2e-x), so one run
 * never wipes another's. Plain JavaScript: playwright.config.ts and scripts/test.mjs share it.
 * @param {NodeJS.ProcessEnv} env
 */
export function e2eResultsDir(env = process.env) {
  const runName = path.basename(env.E2E_DIST_DIR || '.next-e2e').replace(/^\.next-?/, '')
  return path.join('test-results', runName || 'e2e')
}
