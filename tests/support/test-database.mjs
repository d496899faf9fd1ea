// @ts-check
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'

/**
 * Which database engine the integration suite runs on: `TEST_DATABASE=sqlite` (the default, a
 * fresh temporary file per test file) or `TEST_DATABASE=mongodb` with `MONGODB_URI` naming a
 * server (each test file then gets a database of its own, dropped afterwards).
 * Plain JavaScript because jest.config.js reads it too (it checks the server once).
 */

/** @typedef {'sqlite' | 'mongodb'} TestDatabaseKind */

/**
 * @param {Record<string, string | undefined>} [env]
 * @returns {TestDatabaseKind}
 */
export function testDatabaseKind(env = process.env) {
  const value = (env.TEST_DATABASE ?? '').trim().toLowerCase()
  if (value === '' || value === 'sqlite') return 'sqlite'
  if (value === 'mongodb') return 'mongodb'
  throw new Error(`TEST_DATABASE: expected "sqlite" or "mongodb", got "${env.TEST_DATABASE}"`)
}

export const MONGODB_HOW_TO =
  'To run the integration suite on MongoDB, where a server (a replica set) is reachable: ' +
  'TEST_DATABASE=mongodb MONGODB_URI=mongodb://127.0.0.1:27017/?replicaSet=rs0 npm run test:int'

/**
 * `MONGODB_URI` with its database name replaced by a fresh, unique one (one per test file).
 * @param {string} base
 * @param {string} [prefix]
 */
export function uniqueMongoUri(base, prefix = 'clinica_test') {
  const url = new URL(base)
  url.pathname = `/${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  return url.toString()
}

/**
 * Why the MongoDB run cannot happen, or null when a server answers a TCP connection.
 * `mongodb+srv://` names a DNS record, not a host: it is taken as reachable and the driver
 * reports any failure itself.
 * @param {string | undefined} uri
 * @param {number} [timeoutMs]
 * @returns {Promise<string | null>}
 */
export async function mongoUnavailableReason(uri, timeoutMs = 2000) {
  if (!uri) return 'MONGODB_URI is not set'
  let url
  try {
    url = new URL(uri)
  } catch {
    return 'MONGODB_URI is not a valid URL'
  }
  if (url.protocol === 'mongodb+srv:') return null
  if (url.protocol !== 'mongodb:') return 'MONGODB_URI must start with mongodb:// or mongodb+srv://'
  // A seed list may name several hosts; one that answers is enough to try.
  for (const entry of url.host.split(',')) {
    const [host, port] = entry.split(':')
    const open = await new Promise((resolve) => {
      const socket = connect({ host: host || '127.0.0.1', port: Number(port || 27017) })
      /** @param {boolean} result */
      const done = (result) => {
        socket.destroy()
        resolve(result)
      }
      socket.setTimeout(timeoutMs, () => done(false))
      socket.once('connect', () => done(true))
      socket.once('error', () => done(false))
    })
    if (open) return null
  }
  return `no MongoDB server answers at ${url.host}`
}
