import nextEnv from '@next/env'

/**
 * Loads `.env*` files from the project folder into process.env for command-line scripts,
 * the way `next` does for the server. Call it before the first `getEnv()`.
 */
export function loadEnvFiles(dir = process.cwd()): void {
  nextEnv.loadEnvConfig(dir, process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  })
}
