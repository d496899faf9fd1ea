#!/usr/bin/env node
// Dependency check: fails when `npm audit` reports a high or critical vulnerability in the
// production dependencies. Run it with `npm run audit:deps` (needs the npm registry).
import { spawnSync } from 'node:child_process'

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' })
let report
try {
  report = JSON.parse(result.stdout)
} catch {
  console.error(`npm audit did not answer with JSON (exit ${result.status}):\n${result.stderr}`)
  process.exit(2)
}
if (report.error) {
  console.error(
    `npm audit failed: ${report.message || report.error.summary || JSON.stringify(report.error)}`,
  )
  process.exit(2)
}
const counts = report.metadata?.vulnerabilities ?? {}
const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) =>
  ['high', 'critical'].includes(v.severity),
)
console.log(
  `Production dependencies: ${['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`,
)
for (const v of blocking) {
  const via = v.via.map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ')
  console.log(`  ${v.severity.toUpperCase()} ${v.name}: ${via}`)
}
process.exit(blocking.length > 0 ? 1 : 0)
