import { startApp, type RunningApp } from './helpers/app'

/**
 * One production build and one server for every end-to-end test file (a build takes over a
 * minute). Test files find the server through E2E_BASE_URL and its database through
 * E2E_DATABASE_URI.
 */
export default async function globalSetup() {
  const app = await startApp()
  ;(globalThis as { __clinicaApp?: RunningApp }).__clinicaApp = app
  process.env.E2E_BASE_URL = app.baseUrl
  process.env.E2E_SERVER_PID = String(app.pid)
  process.env.E2E_DATABASE_URI = app.env.DATABASE_URI
  process.env.E2E_MEDIA_DIR = app.env.MEDIA_DIR
}
