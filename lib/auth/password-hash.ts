import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

/**
 * Checks a password against a stored Payload hash, for the "current password" rule and the
 * login timing guard. Payload 3 does not export its own check; this follows its two formats:
 * `pbkdf2-sha256-v1:<hex>` (600,000 iterations, 32 bytes) and the legacy bare hex (25,000
 * iterations, 512 bytes), both PBKDF2-SHA256 over the stored salt.
 */
const derive = promisify(pbkdf2)
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

export async function verifyPassword(
  password: string,
  stored: { hash?: unknown; salt?: unknown },
): Promise<boolean> {
  const { hash, salt } = stored
  if (typeof hash !== 'string' || typeof salt !== 'string') return false
  const current = hash.startsWith(CURRENT_PREFIX)
  const params = current ? CURRENT : LEGACY
  const expected = Buffer.from(current ? hash.slice(CURRENT_PREFIX.length) : hash, 'hex')
  const actual = await derive(password, salt, params.iterations, params.keyLength, 'sha256')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * The same work as checking a real password, for a login attempt on an unknown e-mail: the
 * answer then takes as long as for a known account, so timing does not tell which exist.
 */
export async function simulatePasswordCheck(password: string): Promise<void> {
  await derive(
    password,
    randomBytes(32).toString('hex'),
    CURRENT.iterations,
    CURRENT.keyLength,
    'sha256',
  )
}
