import { E2E_ADMIN } from './app'

/** Logs in over REST and returns headers that authenticate later requests as the admin. */
export async function adminHeaders(baseUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(E2E_ADMIN),
  })
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
}
