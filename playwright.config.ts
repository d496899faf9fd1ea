import { defineConfig } from '@playwright/test'

import { installFetchRetry } from './tests/e2e/fetch-retry'
import { CHROMIUM_LAUNCH } from './tests/e2e/helpers/browser'
import { e2eResultsDir } from './tests/e2e/results-dir.mjs'

// Playwright loads this file in the runner and in every worker: the retry covers both.
installFetchRetry()

const resultsDir = e2eResultsDir()

/**
 * End-to-end tests: one production build and one shared `npm run serve` server (global setup),
 * Debian's Chromium (never a downloaded browser), one browser context per test (the `page`
 * fixture), and a trace of every failed test under test-results/ (see tests/e2e/results-dir.mjs).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // One worker: the machine has two cores, and most files share the one server (and its login
  // rate limit) or start servers of their own.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Browser steps against a production server: generous, since CI machines are slow and shared.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  outputDir: `${resultsDir}/artifacts`,
  reporter: [['list'], ['json', { outputFile: `${resultsDir}/results.json` }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
})
