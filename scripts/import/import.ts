/**
 * `npm run import -- <file> [<file> …] [--publish] [--update]`: turns .txt (plain-text format)
 * and .md/.markdown articles into posts, as drafts unless `--publish`. Every file is handled
 * on its own; a summary table follows. Exit codes: 0 all imported, 1 some failed, 2 bad arguments.
 */
import { loadEnvFiles } from '@/lib/load-env-files'

import { IMPORT_USAGE, UsageError, formatImportSummary, parseImportArgs } from './run-import'

loadEnvFiles()

let args: ReturnType<typeof parseImportArgs>
try {
  args = parseImportArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`${error.message}\n${IMPORT_USAGE}`)
  process.exit(2)
}
if (args.help) {
  console.log(IMPORT_USAGE)
  process.exit(0)
}

try {
  const { getEnv } = await import('@/lib/env')
  getEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { importFiles } = await import('./run-import')

  const payload = await getPayload({ config })
  // `npm run` changes into the project folder; INIT_CWD is where the user typed the command.
  const { results } = await importFiles(
    payload,
    args.files,
    { publish: args.publish, update: args.update },
    process.env.INIT_CWD ?? process.cwd(),
  )
  const summary = formatImportSummary(results)
  const failed = results.some((result) => result.status === 'failed')
  if (failed) console.error(summary)
  else console.log(summary)
  await payload.destroy()
  process.exit(failed ? 1 : 0)
} catch (error) {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
