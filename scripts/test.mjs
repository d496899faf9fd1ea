#!/usr/bin/env node
// `npm test`: Jest (unit and integration projects) then Playwright (end-to-end), one after the
// other, and one totals line per runner and overall at the end. Exits non-zero if any test
// failed or a runner could not finish. `pretest` (scripts/prepare.mjs --test) has installed
// what the tests need before this runs.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { e2eResultsDir } from '../tests/e2e/results-dir.mjs'

const resultsDir = e2eResultsDir()
const jestJson = path.join(resultsDir, 'jest.json')
const playwrightJson = path.join(resultsDir, 'results.json')

/** Runs a command from node_modules/.bin (npm put it on the PATH) with the terminal attached. */
function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.error) console.error(`${command} could not start: ${result.error.message}`)
  return result.status ?? 1
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined)

/** Per-project counts from Jest's --json report (projects told apart by their test folder). */
function jestTotals(report, exitCode) {
  const rows = new Map()
  for (const suite of report?.testResults ?? []) {
    const project = /[\\/]tests[\\/]([^\\/]+)[\\/]/.exec(suite.name)?.[1] ?? 'other'
    const row = rows.get(project) ?? { runner: `jest ${project}`, passed: 0, failed: 0, skipped: 0 }
    for (const test of suite.assertionResults) {
      if (test.status === 'passed') row.passed++
      else if (test.status === 'failed') row.failed++
      else row.skipped++
    }
    // A file that failed to load has no test results: count it as one failure.
    if (suite.status === 'failed' && suite.assertionResults.length === 0) row.failed++
    rows.set(project, row)
  }
  const list = [...rows.values()]
  if (!report || (exitCode !== 0 && list.every((row) => row.failed === 0))) {
    list.push({ runner: 'jest', passed: 0, failed: 1, skipped: 0, note: `exit code ${exitCode}` })
  }
  return list
}

/** Counts from Playwright's JSON reporter; setup errors (e.g. the build failed) are failures. */
function playwrightTotals(report, exitCode) {
  const stats = report?.stats
  const row = {
    runner: 'playwright e2e',
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  }
  const errors = report?.errors?.length ?? 0
  if (errors > 0) {
    row.failed += errors
    row.note = `${errors} error(s) outside tests`
  } else if (!report || (exitCode !== 0 && row.failed === 0)) {
    row.failed += 1
    row.note = `exit code ${exitCode}`
  }
  return [row]
}

mkdirSync(resultsDir, { recursive: true })
rmSync(jestJson, { force: true })
rmSync(playwrightJson, { force: true })

const jestExit = run('jest', ['--json', `--outputFile=${jestJson}`], {
  NODE_OPTIONS: '--experimental-vm-modules',
})
const playwrightExit = run('playwright', ['test'], { NODE_OPTIONS: '' })

const rows = [
  ...jestTotals(readJson(jestJson), jestExit),
  ...playwrightTotals(readJson(playwrightJson), playwrightExit),
]
const total = rows.reduce(
  (sum, row) => ({
    runner: 'total',
    passed: sum.passed + row.passed,
    failed: sum.failed + row.failed,
    skipped: sum.skipped + row.skipped,
  }),
  { runner: 'total', passed: 0, failed: 0, skipped: 0 },
)
const line = ({ runner, passed, failed, skipped, note }) =>
  `${runner.padEnd(16)} ${String(passed).padStart(5)} passed ${String(failed).padStart(4)} failed ` +
  `${String(skipped).padStart(4)} skipped${note ? `  (${note})` : ''}`

console.log(`\nTest totals\n${rows.map(line).join('\n')}\n${line(total)}`)
process.exit(total.failed > 0 || jestExit !== 0 || playwrightExit !== 0 ? 1 : 0)
