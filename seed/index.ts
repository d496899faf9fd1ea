/**
 * `npm run seed [-- --reset | --if-empty]`: fills the database with the clinic's article and
 * demo data. Idempotent; `--reset` empties the seeded collections first (user accounts are
 * kept); `--if-empty` (used by `npm run dev`) seeds only a database without users and posts,
 * so demo documents an editor deleted are not brought back at every start.
 */
import { loadEnvFiles } from '@/lib/load-env-files'

loadEnvFiles()

const USAGE = 'Usage: npm run seed [-- --reset | --if-empty]'
const args = process.argv.slice(2)
const unknown = args.filter((arg) => !['--reset', '--if-empty', '--help'].includes(arg))
if (args.includes('--help')) {
  console.log(USAGE)
  process.exit(0)
}
if (unknown.length > 0) {
  console.error(`Unknown argument: ${unknown.join(' ')}\n${USAGE}`)
  process.exit(2)
}
if (args.includes('--reset') && args.includes('--if-empty')) {
  console.error(`--reset and --if-empty exclude each other.\n${USAGE}`)
  process.exit(2)
}

try {
  const { getEnv } = await import('@/lib/env')
  const env = getEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const { seed } = await import('./seed')

  const payload = await getPayload({ config })
  if (args.includes('--if-empty')) {
    const counts = await Promise.all(
      (['users', 'posts'] as const).map(async (collection) => {
        const { totalDocs } = await payload.count({ collection, overrideAccess: true })
        return totalDocs
      }),
    )
    if (counts.some((count) => count > 0)) {
      console.log('Seed skipped: the database already has users or posts (--if-empty).')
      await payload.destroy()
      process.exit(0)
    }
  }
  const report = await seed(payload, {
    reset: args.includes('--reset'),
    admin: env,
    log: (message) => console.log(`  ${message}`),
  })
  console.log(
    `Seed complete: ${report.created.length} created, ${report.kept.length} already present.`,
  )
  if (report.admin) {
    console.log(`\nAdmin account created: ${report.admin.email}`)
    if (report.admin.password) {
      console.log(`Generated password (shown only once, write it down): ${report.admin.password}`)
    }
  }
  await payload.destroy()
  process.exit(0)
} catch (error) {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
