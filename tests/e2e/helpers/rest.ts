import { E2E_ADMIN } from './app'

// One login per test file and server: the login endpoint is rate-limited per IP, and every
// e2e file shares the loopback address.
const tokens = new Map<string, Promise<string>>()

async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  })
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** Headers that authenticate REST requests as the seeded admin. */
export async function adminHeaders(baseUrl: string): Promise<Record<string, string>> {
  if (!tokens.has(baseUrl)) {
    // A failed login is not remembered: the next test logs in again.
    tokens.set(
      baseUrl,
      login(baseUrl).catch((error: unknown) => {
        tokens.delete(baseUrl)
        throw error
      }),
    )
  }
  const token = await tokens.get(baseUrl)!
  return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
}
