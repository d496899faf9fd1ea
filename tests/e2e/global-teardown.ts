import type { RunningApp } from './helpers/app'

export default async function globalTeardown() {
  await (globalThis as { __clinicaApp?: RunningApp }).__clinicaApp?.stop()
}
