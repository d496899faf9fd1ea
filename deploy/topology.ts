/**
 * `npm run topology`: the production topology on this machine, in the foreground until Ctrl-C.
 *
 *   http://localhost:8080        nginx (deploy/nginx.conf): micro-cache, retries, real client address
 *   http://127.0.0.1:3001, 3002  two `next start` instances of one build (`.next`, built if missing;
 *                                `--build` rebuilds), TRUSTED_PROXY_HOPS=1, job runner on both
 *   Redis, S3 (s3rver)           on free loopback ports, shared by both instances
 *
 * The topology has a database of its own (a SQLite file both instances share, migrated and seeded
 * at start) in a temporary folder removed at exit: its media live in the S3 server, which starts
 * empty, while data/clinica.db keeps its media on disk. PAYLOAD_SECRET and the admin account come
 * from `.env` (created by `npm start`, or by this command's first step).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { loadEnvFiles } from '../lib/load-env-files'

import { S3_BUCKET, startTopology, type Topology } from './topology/index'
import { stopAllServices } from './topology/process'

const PROXY_PORT = 8080
const INSTANCE_PORTS: [number, number] = [3001, 3002]
const SITE_URL = `http://localhost:${PROXY_PORT}`

if (process.argv.includes('--help')) {
  console.log('npm run topology [-- --build]   (--build: rebuild .next even if a build exists)')
  process.exit(0)
}

// The production server's environment: `.env` is read as `next start` reads it.
Object.assign(process.env, { NODE_ENV: 'production' })
loadEnvFiles()

const dir = await mkdtemp(path.join(tmpdir(), 'clinica-topology-'))
let topology: Topology | undefined
let stopping = false

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  if (code === 0) console.log('\nStopping nginx, the app instances, the S3 server and Redis…')
  await (topology ? topology.stop() : stopAllServices()).catch((error: unknown) =>
    console.error(error),
  )
  await rm(dir, { recursive: true, force: true })
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void shutdown(0))
}

const print = (service: string, line: string) => {
  if (!stopping) console.log(`[${service}] ${line}`)
}

try {
  topology = await startTopology({
    proxyPort: PROXY_PORT,
    instancePorts: INSTANCE_PORTS,
    siteUrl: SITE_URL,
    env: { ...process.env, DATABASE_URI: `file:${path.join(dir, 'clinica.db')}` },
    dir,
    build: process.argv.includes('--build') ? 'always' : 'if-missing',
    log: print,
    progress: (message) => console.log(message),
  })
} catch (error) {
  if (!stopping) {
    console.error(
      `\nThe topology could not start: ${error instanceof Error ? error.message : error}`,
    )
    await shutdown(1)
  }
}

if (topology && !stopping) {
  const { proxy, instances, redis, s3 } = topology
  for (const service of [proxy.service, ...instances.map((instance) => instance.service)]) {
    void service.exited.then((code) => {
      if (stopping) return
      console.error(`[${service.name}] exited (${code ?? 'signal'})`)
      // Without nginx there is no site; without one instance the proxy keeps serving.
      if (service === proxy.service) void shutdown(1)
    })
  }
  const admin = process.env.ADMIN_PASSWORD
    ? `${process.env.ADMIN_EMAIL || 'admin@example.com'} / ${process.env.ADMIN_PASSWORD} (ADMIN_PASSWORD)`
    : 'the password printed by the seed above'
  console.log(`
  Clinica Blog: production topology (Ctrl-C stops everything)
  Site:       ${SITE_URL}   (nginx; access log ${proxy.accessLog})
  Admin:      ${SITE_URL}/admin   log in as ${admin}
  Instances:  ${instances.map((instance) => `${instance.url} (${instance.name})`).join(', ')}
  Redis:      ${redis.url}
  S3:         ${s3.endpoint}, bucket ${S3_BUCKET}
  Database:   ${path.join(dir, 'clinica.db')} (removed at exit)
`)
}
