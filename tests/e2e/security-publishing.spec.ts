import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'

import { expect, test } from '@playwright/test'

import { createStaffUser, type Credentials } from './helpers/admin'
import { e2eBaseUrl, freePort } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'

import { LIVE_CHANGE_REFUSED } from '@/collections/Posts/hooks/editorialRules'
import { BOOKING_RESPONSE_MESSAGES } from '@/lib/booking/constants'
import { externalRedirectRefused } from '@/lib/redirects/external'

/*
 * Issue 15, reproduced over the real HTTP server (`next build` + `next start`): a reviewer taking
 * a live article offline with two requests, another site posting to the booking endpoint, and
 * an editor sending a live URL to another site.
 */

const baseUrl = e2eBaseUrl()
const stamp = Date.now()
const team: Record<'reviewer' | 'editor', Credentials> = {
  reviewer: { email: `revisore-sicurezza-${stamp}@clinica.test`, password: randomUUID() },
  editor: { email: `redattore-sicurezza-${stamp}@clinica.test`, password: randomUUID() },
}
const tokens: Partial<Record<keyof typeof team, string>> = {}

/** `Authorization: JWT …` as API clients send it (the session cookie needs fetch metadata). */
const headersOf = (who: keyof typeof team) => ({
  Authorization: `JWT ${tokens[who] ?? ''}`,
  'Content-Type': 'application/json',
})

test.beforeAll(async () => {
  for (const [who, role] of [
    ['reviewer', 'reviewer'],
    ['editor', 'editor'],
  ] as const) {
    await createStaffUser(baseUrl, { ...team[who], name: `Sicurezza ${who}`, role })
    const login = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(team[who]),
    })
    expect(login.status).toBe(200)
    tokens[who] = ((await login.json()) as { token: string }).token
  }
})

test.describe('a reviewer and a live article', () => {
  test('cannot take it offline: a draft save, then a save of the live document', async () => {
    const { id, slug } = await createPublishedPost(baseUrl, `Tallonite: cosa fare (${stamp})`)
    const patch = (query: string) =>
      fetch(`${baseUrl}/api/posts/${id}${query}`, {
        method: 'PATCH',
        headers: headersOf('reviewer'),
        body: '{}',
      })

    expect((await patch('?draft=true')).status).toBe(200)
    const live = await patch('')
    expect(live.status).toBe(403)
    expect(JSON.stringify(await live.json())).toContain(LIVE_CHANGE_REFUSED)

    // Patients still read it, on the API and on the page.
    const api = await fetch(`${baseUrl}/api/posts/${id}?depth=0`)
    expect(api.status).toBe(200)
    expect(((await api.json()) as { _status: string })._status).toBe('published')
    expect((await fetch(`${baseUrl}/blog/${slug}`)).status).toBe(200)
  })
})

test.describe('the booking endpoint', () => {
  const request = (name: string) => ({
    name,
    phone: '+39 333 765 4321',
    email: '',
    preferredPeriod: 'mattina',
    reason: 'Richiesta partita da un altro sito.',
    consent: 'on',
    website: '',
    submissionId: randomUUID(),
  })
  const stored = async (name: string) => {
    const response = await fetch(
      `${baseUrl}/api/appointment-requests?depth=0&where[name][equals]=${encodeURIComponent(name)}`,
      { headers: await adminHeaders(baseUrl) },
    )
    return ((await response.json()) as { totalDocs: number }).totalDocs
  }

  test('refuses a post from another site’s page in Chromium with 403', async ({ page }) => {
    // The attacker's page: another site (localhost is not 127.0.0.1) whose form posts itself.
    const name = `Richiesta forgiata ${stamp}`
    const fields = Object.entries(request(name))
      .map(([key, value]) => `<input type="hidden" name="${key}" value="${value}">`)
      .join('')
    const attackerPage = `<form method="post" action="${baseUrl}/prenota/invio">${fields}</form>
      <script>document.forms[0].submit()</script>`
    const port = await freePort()
    const attacker: Server = createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end(attackerPage)
    })
    // Bound to the IPv4 loopback, reached as "localhost": a different site from 127.0.0.1.
    await new Promise<void>((resolve) => attacker.listen(port, '127.0.0.1', resolve))
    try {
      const answer = page.waitForResponse((response) => response.url().endsWith('/prenota/invio'))
      // The page submits itself while loading: wait for its post, not for its load event.
      await page.goto(`http://localhost:${port}/`, { waitUntil: 'commit' })
      const response = await answer
      // What the browser said about where the post came from.
      expect(await response.request().allHeaders()).toMatchObject({
        origin: `http://localhost:${port}`,
        'sec-fetch-site': 'cross-site',
      })
      expect(response.status()).toBe(403)
      expect(await response.json()).toEqual({
        ok: false,
        message: BOOKING_RESPONSE_MESSAGES.crossSite,
      })
    } finally {
      // The test's browser context is still open: drop its keep-alive sockets to this server.
      attacker.closeAllConnections()
      await new Promise((resolve) => attacker.close(resolve))
    }
    expect(await stored(name)).toBe(0)
  })

  test('refuses cross-site fetch metadata and a foreign Origin; the site’s own origin passes', async () => {
    const post = (name: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}/prenota/invio`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': '198.51.100.150',
          ...headers,
        },
        body: JSON.stringify(request(name)),
      })
    const foreign = `Richiesta estera ${stamp}`
    expect((await post(foreign, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await post(foreign, { Origin: 'https://evil.example' })).status).toBe(403)
    expect(await stored(foreign)).toBe(0)

    const own = `Richiesta dal sito ${stamp}`
    const response = await post(own, { Origin: baseUrl, 'Sec-Fetch-Site': 'same-origin' })
    expect(response.status).toBe(201)
    expect(await stored(own)).toBe(1)
  })
})

test.describe('the redirect manager', () => {
  const from = `/promo-esterna-${stamp}`
  const redirect = async (who: 'editor' | 'admin', url: string, path = from) =>
    fetch(`${baseUrl}/api/redirects`, {
      method: 'POST',
      headers: who === 'admin' ? await adminHeaders(baseUrl) : headersOf('editor'),
      body: JSON.stringify({ from: path, to: { type: 'custom', url }, type: '302' }),
    })
  const setAllowlist = async (hosts: string[]) => {
    const response = await fetch(`${baseUrl}/api/globals/clinic`, {
      method: 'POST',
      headers: await adminHeaders(baseUrl),
      body: JSON.stringify({ redirectHosts: hosts.map((host) => ({ host })) }),
    })
    expect(response.status).toBe(200)
  }
  const served = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' })
    return { status: response.status, location: response.headers.get('location') }
  }

  test('an editor cannot send a live URL to another site, unless an admin allowed its host', async () => {
    const refused = await redirect('editor', 'https://evil.example/phishing')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain(externalRedirectRefused('evil.example'))
    expect((await served(from)).status).toBe(404)

    await setAllowlist(['www.partner.example'])
    try {
      expect((await redirect('editor', 'https://www.partner.example/offerta')).status).toBe(201)
      expect(await served(from)).toEqual({
        status: 302,
        location: 'https://www.partner.example/offerta',
      })
    } finally {
      await setAllowlist([])
    }
    // The host is no longer allowed: the proxy stops serving the editor's redirect.
    expect((await served(from)).status).toBe(404)
  })

  test('an admin may redirect to another site', async () => {
    const path = `${from}-admin`
    expect((await redirect('admin', 'https://ordine.example.org/albo', path)).status).toBe(201)
    expect(await served(path)).toEqual({ status: 302, location: 'https://ordine.example.org/albo' })
  })
})
