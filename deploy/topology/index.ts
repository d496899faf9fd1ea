import path from 'node:path'

import { startRedisServer, type TestRedis } from '../../tests/support/redis-server'
import { startS3Server, type S3TestServer } from '../../tests/support/s3-server'

import { hasBuild, runScript, startInstance, type Instance } from './app'
import { startNginx, type Nginx } from './nginx'
import { assertPortsFree, type Log } from './process'

/**
 * The production topology on one machine, every piece on loopback: nginx (deploy/nginx.conf)
 * in front of two `next start` instances of one build, which share one SQLite file, one Redis
 * (page cache, limits, redirects version, job lock) and one S3 bucket (media). Used by
 * `npm run topology` (deploy/topology.ts), the end-to-end tests and bench/topology.ts, each
 * with its own ports and folders.
 */

export const S3_BUCKET = 'clinica-media'

export type TopologyOptions = {
  /** nginx's port on 127.0.0.1. */
  proxyPort: number
  /** The two instances' ports on 127.0.0.1. */
  instancePorts: [number, number]
  /** The public address (SITE_URL): the proxy's. */
  siteUrl: string
  /** Production environment of every process: PAYLOAD_SECRET, DATABASE_URI, NEXT_DIST_DIR… */
  env: NodeJS.ProcessEnv
  /** A folder of the topology's own (each instance's local media folder goes there). */
  dir: string
  /** `if-missing`: build only when the build folder holds none. */
  build: 'if-missing' | 'always' | 'never'
  /** Service output, line by line. */
  log?: Log
  /** Progress, one message per step. */
  progress?: (message: string) => void
}

export type Topology = {
  proxy: Nginx
  instances: [Instance, Instance]
  redis: TestRedis
  s3: S3TestServer
  /** The environment the instances run with (without their own PORT and MEDIA_DIR). */
  env: NodeJS.ProcessEnv
  /** Stops everything, in reverse order; safe to call twice. */
  stop: () => Promise<void>
}

const INSTANCE_NAMES = ['a', 'b'] as const

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const progress = options.progress ?? (() => undefined)
  const [portA, portB] = options.instancePorts
  await assertPortsFree([
    { port: options.proxyPort, for: 'nginx, the site' },
    { port: portA, for: 'app instance a' },
    { port: portB, for: 'app instance b' },
  ])
  // Jest runs with --experimental-vm-modules: child processes must not inherit it.
  const base: NodeJS.ProcessEnv = { ...options.env, NODE_OPTIONS: '', NODE_ENV: 'production' }

  if (options.build === 'always' || (options.build === 'if-missing' && !hasBuild(base))) {
    progress('Building the app (npm run build), once for both instances…')
    // Without Redis or S3: nothing the build renders from its database may reach shared state.
    await runScript('build', base, options.log)
  } else if (!hasBuild(base)) {
    throw new Error(`No build in ${base.NEXT_DIST_DIR || '.next'}: run \`npm run build\` first.`)
  }

  const stoppers: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch(() => undefined)
  }
  try {
    progress('Starting Redis and the S3 server…')
    const redis = await startRedisServer()
    stoppers.push(redis.dispose)
    const s3 = await startS3Server(S3_BUCKET)
    stoppers.push(s3.stop)

    const env: NodeJS.ProcessEnv = {
      ...base,
      ...s3.env,
      REDIS_URL: redis.url,
      SITE_URL: options.siteUrl,
      TRUSTED_PROXY_HOPS: '1',
      JOB_RUNNER: 'on',
    }
    progress('Migrating and seeding the database, once for both instances…')
    await runScript('migrate', env, options.log)
    await runScript('seed', env, options.log)

    progress('Starting the two app instances…')
    const instances = (await Promise.all(
      INSTANCE_NAMES.map((name, index) =>
        startInstance({
          name,
          port: options.instancePorts[index]!,
          // Each instance has a local folder of its own, as separate machines would: uploads
          // are shared through S3 only.
          env: { ...env, MEDIA_DIR: path.join(options.dir, `media-${name}`) },
          log: options.log,
        }).then((instance) => {
          stoppers.push(instance.stop)
          return instance
        }),
      ),
    )) as [Instance, Instance]

    progress('Starting nginx…')
    const proxy = await startNginx({
      port: options.proxyPort,
      upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`],
      log: options.log,
    })
    stoppers.push(proxy.stop)
    return { proxy, instances, redis, s3, env, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
