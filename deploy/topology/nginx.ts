import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { spawnService, waitUntil, type Log, type Service } from './process'

export const NGINX_TEMPLATE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'nginx.conf',
)

/** The placeholders of deploy/nginx.conf (see its header). */
export type NginxValues = {
  NGINX_LISTEN: string
  NGINX_STATE_DIR: string
  NGINX_ACCESS_LOG: string
  APP_UPSTREAM_1: string
  APP_UPSTREAM_2: string
}

/**
 * Fills the template's `${NAME}` placeholders, as the nginx image's envsubst does in
 * docker-compose.yml; a placeholder without a value is an error rather than an empty string.
 */
export function renderNginxConfig(template: string, values: NginxValues): string {
  const known = values as Record<string, string>
  const missing = new Set<string>()
  const rendered = template.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_match, name: string) => {
    const value = known[name]
    if (value === undefined) missing.add(name)
    return value ?? ''
  })
  if (missing.size > 0) throw new Error(`nginx.conf: no value for ${[...missing].join(', ')}`)
  return rendered
}

const NGINX_HOW_TO =
  'nginx is not installed: run `apt-get install nginx` as root (`npm test` installs it), and keep Debian from starting its own service on :80 (`systemctl disable --now nginx`)'

export function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    if (existsSync(candidate)) return candidate
  }
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  const file = found.status === 0 ? found.stdout.trim() : ''
  if (!file) throw new Error(NGINX_HOW_TO)
  return file
}

const acceptsConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

export type Nginx = {
  url: string
  port: number
  /** Folder of the rendered config, cache, pid file and access log. */
  stateDir: string
  accessLog: string
  service: Service
  /** Stops nginx and removes its folder. */
  stop: () => Promise<void>
}

/**
 * Debian's nginx with deploy/nginx.conf rendered for loopback: the site on 127.0.0.1:`port` in
 * front of `upstreams`, every file in a fresh folder of its own.
 */
export async function startNginx(options: {
  port: number
  upstreams: [string, string]
  log?: Log
}): Promise<Nginx> {
  const binary = nginxBinary()
  const stateDir = await mkdtemp(path.join(tmpdir(), 'clinica-nginx-'))
  const accessLog = path.join(stateDir, 'access.log')
  let service: Service
  try {
    // Started as root, nginx runs its workers as `nobody`: they must reach the cache and socket.
    await chmod(stateDir, 0o755)
    const config = path.join(stateDir, 'nginx.conf')
    await writeFile(
      config,
      renderNginxConfig(await readFile(NGINX_TEMPLATE, 'utf8'), {
        NGINX_LISTEN: `127.0.0.1:${options.port}`,
        NGINX_STATE_DIR: stateDir,
        NGINX_ACCESS_LOG: accessLog,
        APP_UPSTREAM_1: options.upstreams[0],
        APP_UPSTREAM_2: options.upstreams[1],
      }),
    )
    service = spawnService(
      'nginx',
      binary,
      ['-p', stateDir, '-c', config, '-e', 'stderr', '-g', 'daemon off;'],
      { env: process.env, log: options.log },
    )
    await waitUntil(service, 'listening socket', () => acceptsConnections(options.port), 15_000)
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    stateDir,
    accessLog,
    service,
    stop: async () => {
      await service.stop()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
