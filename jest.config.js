import {
  MONGODB_HOW_TO,
  mongoUnavailableReason,
  testDatabaseKind,
} from './tests/support/test-database.mjs'

// Jest runs in native ESM mode (Payload is ESM-only): see the `test` scripts in package.json.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
]

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)\\.js$': '<rootDir>/$1',
    '^@/(.*)$': '<rootDir>/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/data/'],
}

// `production` resolves Lexical to its plain ESM build: its `node` entry uses a top-level
// `await import()` that can deadlock on Node 20 (see scripts/payload.ts).
const nodeConditions = { customExportConditions: ['node', 'node-addons', 'production'] }

/**
 * The integration suite runs on SQLite by default, or on MongoDB with TEST_DATABASE=mongodb
 * (see tests/support/test-database.mjs). Without a reachable server the MongoDB run is skipped
 * loudly: only tests/int/mongodb.test.ts runs, and it reports the skip and its reason.
 */
async function intTestMatch() {
  const all = ['<rootDir>/tests/int/**/*.test.ts']
  if (testDatabaseKind() !== 'mongodb') return all
  const reason = await mongoUnavailableReason(process.env.MONGODB_URI)
  if (!reason) {
    console.warn('Integration tests run on MongoDB (TEST_DATABASE=mongodb).')
    return all
  }
  console.warn(
    [
      '',
      '*'.repeat(78),
      `MongoDB integration run SKIPPED: ${reason}.`,
      MONGODB_HOW_TO,
      '*'.repeat(78),
      '',
    ].join('\n'),
  )
  process.env.MONGODB_SKIP_REASON = reason
  return ['<rootDir>/tests/int/mongodb.test.ts']
}

// End-to-end tests (tests/e2e/**/*.spec.ts) run on Playwright: see playwright.config.ts.
/** @returns {Promise<import('jest').Config>} */
const config = async () => ({
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/tests/unit/setup.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testEnvironment: 'node',
      testEnvironmentOptions: nodeConditions,
      testMatch: await intTestMatch(),
    },
  ],
})

export default config
