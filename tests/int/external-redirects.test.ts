import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { Redirect } from '@/payload-types'
import { externalRedirectRefused, REDIRECT_HOST_INVALID } from '@/lib/redirects/external'
import { findRedirect } from '@/lib/redirects/table'
import { bumpRedirectsVersion } from '@/lib/redirects/version'

import { ROLES, setupRestPayload, type Role } from './helpers/rest'

/*
 * Issue 15: "an editor can send any live URL to another site: a 302 to an external host".
 * Targets on another site are for admins, or for hosts in the Clinic global's allowlist (which
 * only admins edit), over REST as the admin uses it; and the proxy's table serves nothing else.
 */

const ctx = setupRestPayload()

beforeAll(async () => {
  await ctx.payload.updateGlobal({ slug: 'clinic', data: { name: 'Clinica di prova' } })
}, 60_000)

let sources = 0
/** A fresh source path per redirect, so rules never chain into each other by accident. */
const nextSource = () => `/vecchio-indirizzo-${++sources}`

const createRedirect = (who: Role, url: string, extra: Record<string, unknown> = {}) =>
  ctx.rest('POST', '/redirects', {
    token: ctx.team.tokens[who],
    json: { from: nextSource(), to: { type: 'custom', url }, type: '302', ...extra },
  })
const setAllowlist = (hosts: string[]) =>
  ctx.payload.updateGlobal({
    slug: 'clinic',
    data: { redirectHosts: hosts.map((host) => ({ host })) },
  })
const fieldErrors = (body: Record<string, unknown>) => JSON.stringify(body.errors)

describe('the redirect manager and targets on another site', () => {
  // What each role gets for a 302 to a host nobody allowed.
  const EXPECTED: Record<Role, number> = {
    admin: 201,
    editor: 400,
    author: 403,
    reviewer: 403,
    anonymous: 403,
  }

  it.each(ROLES)('%s: a redirect to a host not in the allowlist', async (who) => {
    await setAllowlist([])
    const { status, body } = await createRedirect(who, 'https://evil.example/phishing')
    expect(status).toBe(EXPECTED[who])
    if (who === 'editor') {
      expect(fieldErrors(body)).toContain(externalRedirectRefused('evil.example'))
    }
    if (status === 201) expect((body.doc as Redirect).externalApproved).toBe(true)
  })

  it('an editor may redirect to the site itself and to an allowed host, not to look-alikes', async () => {
    await setAllowlist(['www.partner.it'])
    const ok = [
      'http://localhost:3999/blog/nuovo',
      '/blog/nuovo',
      'https://www.partner.it/offerta',
      'https://WWW.PARTNER.IT/offerta',
    ]
    for (const url of ok) {
      const { status, body } = await createRedirect('editor', url)
      expect([url, status]).toEqual([url, 201])
      expect((body.doc as Redirect).externalApproved).toBe(false)
    }
    const refused: [string, string][] = [
      ['https://partner.it/', 'partner.it'],
      ['https://www.partner.it.evil.example/', 'www.partner.it.evil.example'],
      ['https://www.partner.it@evil.example/', 'evil.example'],
      ['http://localhost:4000/', 'localhost'],
    ]
    for (const [url, host] of refused) {
      const { status, body } = await createRedirect('editor', url)
      expect([url, status]).toEqual([url, 400])
      expect(fieldErrors(body)).toContain(externalRedirectRefused(host))
    }
    // A scheme without slashes is read as a site path, as the proxy then serves it.
    const { body } = await createRedirect('editor', 'https:evil.example')
    expect((body.doc as Redirect).to?.url).toBe('/https:evil.example')
  })

  it('an editor cannot approve a target themselves, nor reach another site by a partial edit or a chain', async () => {
    await setAllowlist([])
    const forged = await createRedirect('editor', 'https://evil.example/', {
      externalApproved: true,
    })
    expect(forged.status).toBe(400)

    // A partial PATCH (only `to`) of a harmless redirect is checked like a new one.
    const harmless = await createRedirect('editor', '/blog/a')
    const id = (harmless.body.doc as Redirect).id
    const patched = await ctx.rest('PATCH', `/redirects/${id}`, {
      token: ctx.team.tokens.editor,
      json: { to: { type: 'custom', url: 'https://evil.example/' } },
    })
    expect(patched.status).toBe(400)
    expect(fieldErrors(patched.body)).toContain(externalRedirectRefused('evil.example'))
    const bulk = await ctx.rest('PATCH', `/redirects?where[id][equals]=${id}`, {
      token: ctx.team.tokens.editor,
      json: { to: { type: 'custom', url: 'https://evil.example/' } },
    })
    expect(bulk.status).toBe(400)
    const stored = await ctx.payload.findByID({ collection: 'redirects', id })
    expect(stored.to?.url).toBe('/blog/a')

    // An admin's external redirect: an editor can neither chain onto it nor edit it.
    const byAdmin = (await createRedirect('admin', 'https://ordine.example.org/albo')).body
      .doc as Redirect
    const chained = await createRedirect('editor', byAdmin.from)
    expect(chained.status).toBe(400)
    expect(fieldErrors(chained.body)).toContain(externalRedirectRefused('ordine.example.org'))
    const retyped = await ctx.rest('PATCH', `/redirects/${byAdmin.id}`, {
      token: ctx.team.tokens.editor,
      json: { type: '301' },
    })
    expect(retyped.status).toBe(400)
    // The editor may still point it back at the site: it is then no longer an approved target.
    const internal = await ctx.rest('PATCH', `/redirects/${byAdmin.id}`, {
      token: ctx.team.tokens.editor,
      json: { to: { type: 'custom', url: '/blog/albo' } },
    })
    expect(internal.status).toBe(200)
    expect((internal.body.doc as Redirect).externalApproved).toBe(false)
  })
})

describe('the allowlist in the Clinic global', () => {
  it.each(ROLES)('%s: changing it', async (who) => {
    const { status } = await ctx.rest('POST', '/globals/clinic', {
      token: ctx.team.tokens[who],
      json: { redirectHosts: [{ host: 'www.altro.it' }] },
    })
    expect(status).toBe(who === 'admin' ? 200 : 403)
    const clinic = await ctx.payload.findGlobal({ slug: 'clinic' })
    expect(clinic.redirectHosts?.some((row) => row.host === 'www.altro.it')).toBe(who === 'admin')
    await setAllowlist([])
  })

  it('holds plain host names, stored in lower case', async () => {
    const save = (host: string) =>
      ctx.rest('POST', '/globals/clinic', {
        token: ctx.team.tokens.admin,
        json: { redirectHosts: [{ host }] },
      })
    for (const bad of ['https://www.partner.it', 'www.partner.it/offerta', '*.partner.it']) {
      const { status, body } = await save(bad)
      expect([bad, status]).toEqual([bad, 400])
      expect(JSON.stringify(body)).toContain(REDIRECT_HOST_INVALID)
    }
    expect((await save(' WWW.Partner.IT ')).status).toBe(200)
    expect((await ctx.payload.findGlobal({ slug: 'clinic' })).redirectHosts).toEqual([
      expect.objectContaining({ host: 'www.partner.it' }),
    ])
  })
})

describe('the redirect table the proxy serves', () => {
  // The proxy reads the public REST API of its own server (at its internal address): answer
  // through the real handlers.
  beforeAll(() => {
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = new URL(String(input))
      const { status, body } = await ctx.rest('GET', `${url.pathname.slice(4)}${url.search}`)
      return Response.json(body, { status })
    })
  })
  afterAll(() => {
    jest.restoreAllMocks()
  })

  it('drops an editor’s external redirect once its host leaves the allowlist; an admin’s stays', async () => {
    await setAllowlist(['www.partner.it'])
    const byEditor = (await createRedirect('editor', 'https://www.partner.it/offerta')).body
      .doc as Redirect
    const byAdmin = (await createRedirect('admin', 'https://ordine.example.org/albo')).body
      .doc as Redirect
    // Written around the redirect manager (a script, an old row): never served.
    const smuggled = await ctx.payload.db.create({
      collection: 'redirects',
      data: { from: '/contrabbando', to: { type: 'custom', url: 'https://evil.example/' } },
    })
    expect(smuggled.id).toBeDefined()

    expect(await findRedirect(byEditor.from)).toEqual({
      to: 'https://www.partner.it/offerta',
      status: 302,
    })
    expect(await findRedirect(byAdmin.from)).toMatchObject({ status: 302 })
    expect(await findRedirect('/contrabbando')).toBeUndefined()

    // Saving the global reloads the table at the next request.
    await setAllowlist([])
    expect(await findRedirect(byEditor.from)).toBeUndefined()
    expect(await findRedirect(byAdmin.from)).toEqual({
      to: 'https://ordine.example.org/albo',
      status: 302,
    })
  })

  it('reads every page of redirects (the public API lists at most 100 at a time)', async () => {
    for (let i = 0; i < 120; i++) {
      await ctx.payload.db.create({
        collection: 'redirects',
        data: { from: `/molti-${i}`, type: '301', to: { type: 'custom', url: `/blog/molti-${i}` } },
      })
    }
    await bumpRedirectsVersion()
    for (const i of [0, 99, 119]) {
      expect(await findRedirect(`/molti-${i}`)).toEqual({
        to: `/blog/molti-${i}`,
        status: 301,
      })
    }
  })
})
