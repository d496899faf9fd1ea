import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { runToCompletion, spawnService, waitUntil, type Log, type Service } from './process'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')
/**
 * Readiness probe: an API route is never a cached page, so probing writes nothing into the
 * shared page cache.
 */
const READY_PATH = '/api/posts?limit=1&depth=0'

/** `npm run --silent <script>` in the project folder, as the quick start runs it. */
export const runScript = (script: string, env: NodeJS.ProcessEnv, log?: Log) =>
  runToCompletion(script, 'npm', ['run', '--silent', script], { env, cwd: ROOT, log })

/** Whether the build folder of `env` (NEXT_DIST_DIR, `.next` by default) holds a build. */
export const hasBuild = (env: NodeJS.ProcessEnv) =>
  existsSync(path.join(ROOT, env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))

export type Instance = {
  name: string
  port: number
  url: string
  service: Service
  /** SIGTERM, as an orchestrator stops a container. */
  stop: () => Promise<void>
  /** SIGKILL: the instance dies mid-request. */
  crash: () => Promise<void>
}

/** One `next start` of the existing build on 127.0.0.1:`port`, ready once its API answers. */
export async function startInstance(options: {
  name: string
  port: number
  env: NodeJS.ProcessEnv
  log?: Log
}): Promise<Instance> {
  const { name, port } = options
  const url = `http://127.0.0.1:${port}`
  // Straight through node (no npm layer): signals reach the server itself.
  const service = spawnService(
    name,
    process.execPath,
    [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { env: { ...options.env, PORT: String(port) }, cwd: ROOT, log: options.log },
  )
  await waitUntil(service, `200 on ${READY_PATH}`, async () => {
    const response = await fetch(`${url}${READY_PATH}`, { signal: AbortSignal.timeout(5_000) })
    await response.arrayBuffer()
    return response.status === 200
  })
  return { name, port, url, service, stop: service.stop, crash: service.kill }
}
