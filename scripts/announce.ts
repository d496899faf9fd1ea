/** Prints where the site and the admin are, and how to log in, just before the server starts. */
import { loadEnvFiles } from '@/lib/load-env-files'

loadEnvFiles()
const { getEnv } = await import('@/lib/env')
const env = getEnv()

const login = env.adminPassword
  ? `e-mail ${env.adminEmail}, password ${env.adminPassword} (ADMIN_PASSWORD in .env)`
  : 'the e-mail and password printed by the first seed run'

console.log(`
  Clinica Blog
  Site:   ${env.siteUrl}
  Admin:  ${env.siteUrl}/admin
  Log in: ${login}
`)
