/** Command-line arguments of `npm run backup` and `npm run restore`. */
import { parseArgs } from 'node:util'

import { z } from 'zod'

import { UsageError } from './errors'

export const BACKUP_USAGE = 'Usage: npm run backup [-- --out DIR]'
export const RESTORE_USAGE = 'Usage: npm run restore -- <archive.tar.gz> [--yes]'

const asUsageError = <T>(parse: () => T): T => {
  try {
    return parse()
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

const backupArgs = z.object({
  help: z.boolean().default(false),
  out: z.string().trim().min(1, '--out needs a folder').optional(),
})

export function parseBackupArgs(argv: string[]): z.infer<typeof backupArgs> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: { out: { type: 'string' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  )
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals.join(' ')}`)
  const result = backupArgs.safeParse(values)
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join('; '))
  return result.data
}

const restoreArgs = z.object({
  help: z.boolean(),
  yes: z.boolean(),
  archive: z.string().trim().min(1).optional(),
})

export function parseRestoreArgs(argv: string[]): z.infer<typeof restoreArgs> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: argv,
      options: { yes: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  )
  const help = values.help === true
  if (positionals.length > 1) throw new UsageError('Pass exactly one archive')
  if (positionals.length === 0 && !help) throw new UsageError('Missing the archive to restore')
  return restoreArgs.parse({ help, yes: values.yes === true, archive: positionals[0] })
}
