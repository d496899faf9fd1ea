#!/usr/bin/env node
// Prepares a fresh clone before `npm start` and `npm test`, using only Node's standard library:
// installs the locked dependencies when they are missing or stale and, with `--env`, creates
// `.env` with a random PAYLOAD_SECRET (so the production server starts locally) and a random
// password for the first admin account.
import { execSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex')
const stampFile = 'node_modules/.clinica-install-stamp'
const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === lockHash

if (!installed) {
  console.log('Installing the locked dependencies (npm ci)…')
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
  writeFileSync(stampFile, `${lockHash}\n`)
}

if (process.argv.includes('--env') && !existsSync('.env')) {
  const example = readFileSync('.env.example', 'utf8')
  const env = example
    .replace(/^PAYLOAD_SECRET=.*$/m, `PAYLOAD_SECRET=${randomBytes(32).toString('hex')}`)
    .replace(/^ADMIN_PASSWORD=.*$/m, `ADMIN_PASSWORD=${randomBytes(12).toString('base64url')}`)
  writeFileSync('.env', env, { mode: 0o600 })
  console.log('Created .env with a random PAYLOAD_SECRET and admin password (git-ignored).')
}
