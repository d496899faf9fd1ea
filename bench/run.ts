import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { startApp, type RunningApp } from '../tests/e2e/helpers/app'
import * as adminList from './admin-list'
import * as apiCost from './api-cost'
import * as archive from './archive'
import { removeBareApp } from './bare-app'
import * as clientJs from './client-js'
import * as lighthouse from './lighthouse'
import {
  ensureResultsDir,
  now,
  printResults,
  round,
  type BenchContext,
  type BenchResult,
} from './lib'
import * as publishToLive from './publish-to-live'
import { machine, writeResultsMd, type Report } from './report'
import * as startup from './startup'
import * as throughput from './throughput'
import * as topology from './topology'

const MODULES: [string, { run: (ctx: BenchContext) => Promise<BenchResult[]> }][] = [
  ['throughput', throughput],
  ['client-js', clientJs],
  ['startup', startup],
  ['admin-list', adminList],
  ['api-cost', apiCost],
  ['publish-to-live', publishToLive],
  ['topology', topology],
  ['archive', archive],
  ['lighthouse', lighthouse],
]

let app: RunningApp | undefined
async function cleanUp() {
  await removeBareApp().catch(() => undefined)
  await app?.stop().catch(() => undefined)
  app = undefined
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))

/** Runs every benchmark in order against one built app; writes latest.json and RESULTS.md. */
async function main() {
  const only = process.argv.slice(2)
  const selected = only.length ? MODULES.filter(([name]) => only.includes(name)) : MODULES
  const started = now()
  const report: Report = {
    startedAt: new Date().toISOString(),
    durationS: 0,
    machine: machine(),
    modules: [],
  }
  console.log(`Machine: ${report.machine}`)
  console.log('Building and starting the app (migrate, seed, next build, next start)…')
  app = await startApp()
  console.log(`App on ${app.baseUrl} after ${round((now() - started) / 1000, 1)} s`)
  const ctx: BenchContext = { app, log: (line) => console.log(line) }
  try {
    for (const [name, mod] of selected) {
      console.log(`\n== ${name}`)
      const moduleStarted = now()
      const entry: Report['modules'][number] = { module: name, durationS: 0, results: [] }
      try {
        entry.results = await mod.run(ctx)
        printResults(entry.results)
      } catch (error) {
        entry.error = error instanceof Error ? (error.stack ?? error.message) : String(error)
        console.error(`${name} failed:`, entry.error)
      }
      entry.durationS = round((now() - moduleStarted) / 1000, 1)
      report.modules.push(entry)
    }
  } finally {
    await cleanUp()
  }
  report.durationS = round((now() - started) / 1000, 1)
  const dir = await ensureResultsDir()
  const file = path.join(dir, only.length ? 'partial.json' : 'latest.json')
  await writeFile(file, JSON.stringify(report, null, 2))
  if (!only.length) await writeResultsMd(report)
  console.log(
    `\nWrote ${file}${only.length ? '' : ' and bench/RESULTS.md'} in ${report.durationS} s`,
  )
  const failed = report.modules.some((m) => m.error)
  process.exit(failed ? 1 : 0)
}

await main()
