import { describe, expect, it } from '@jest/globals'

import { externalHost, REDIRECT_HOST_INVALID, validateRedirectHost } from '@/lib/redirects/external'
import { buildRedirectTable } from '@/lib/redirects/table'
import {
  finalTarget,
  normalizeRedirectPath,
  RedirectLoopError,
  retarget,
} from '@/lib/redirects/rules'

describe('normalizeRedirectPath', () => {
  it.each([
    ['/blog/vecchio/', '/blog/vecchio'],
    ['blog/vecchio', '/blog/vecchio'],
    ['/blog/vecchio?utm_source=x', '/blog/vecchio'],
    ['  /blog/vecchio#sezione ', '/blog/vecchio'],
    ['/', '/'],
  ])('%s → %s', (raw, expected) => expect(normalizeRedirectPath(raw)).toBe(expected))
})

describe('finalTarget', () => {
  it('follows existing rules so a new redirect takes one hop', () => {
    const existing = [
      { from: '/b', to: '/c' },
      { from: '/c', to: '/d' },
    ]
    expect(finalTarget({ from: '/a', to: '/b' }, existing)).toBe('/d')
  })

  it('refuses a redirect to itself', () => {
    expect(() => finalTarget({ from: '/a', to: '/a/' }, [])).toThrow(RedirectLoopError)
  })

  it('refuses a loop through other redirects, naming the path', () => {
    const existing = [
      { from: '/b', to: '/c' },
      { from: '/c', to: '/a' },
    ]
    expect(() => finalTarget({ from: '/a', to: '/b' }, existing)).toThrow(
      'Questo reindirizzamento creerebbe un ciclo: /a → /b → /c → /a.',
    )
  })

  it('ignores the rule being edited and keeps absolute URLs', () => {
    expect(
      finalTarget({ from: '/a', to: 'https://example.org/x' }, [{ from: '/a', to: '/z' }]),
    ).toBe('https://example.org/x')
  })
})

describe('retarget', () => {
  it('points redirects that led to the source straight at the new target', () => {
    const existing = [
      { from: '/x', to: '/a' },
      { from: '/y', to: '/other' },
    ]
    expect(retarget(existing, '/a/', '/b')).toEqual([{ from: '/x', to: '/b' }])
  })
})

describe('buildRedirectTable', () => {
  const POLICY = { siteHosts: ['clinica.example.it'], allowedHosts: [] }

  it('maps sources to published targets with their status, skipping unsafe and unpublished ones', () => {
    const table = buildRedirectTable(
      [
        {
          from: '/blog/vecchio',
          type: '301',
          to: { type: 'reference', reference: { relationTo: 'posts', value: { slug: 'nuovo' } } },
        },
        { from: '/promo', type: '302', to: { type: 'custom', url: '/prenota' } },
        {
          from: '/bozza',
          type: '301',
          to: {
            type: 'reference',
            reference: { relationTo: 'posts', value: '665f1c2e8b3a4d0012345678' },
          },
        },
        { from: '/xss', type: '301', to: { type: 'custom', url: 'javascript:alert(1)' } },
        {
          from: '/privacy-vecchia/',
          to: { type: 'reference', reference: { relationTo: 'pages', value: { slug: 'privacy' } } },
        },
      ],
      POLICY,
    )
    expect(Object.fromEntries(table)).toEqual({
      '/blog/vecchio': { to: '/blog/nuovo', status: 301 },
      '/promo': { to: '/prenota', status: 302 },
      '/privacy-vecchia': { to: '/privacy', status: 301 },
    })
  })

  it('serves a target on another site only if an admin saved it or its host is still allowed', () => {
    const custom = (from: string, url: string, externalApproved = false) => ({
      from,
      type: '302' as const,
      externalApproved,
      to: { type: 'custom' as const, url },
    })
    const table = buildRedirectTable(
      [
        custom('/sito', 'https://clinica.example.it/blog/x'),
        custom('/partner', 'https://www.partner.it/offerta'),
        custom('/admin-scelta', 'https://ordine.medici.it/albo', true),
        custom('/non-piu', 'https://rimosso.example.com/'),
        custom('/travestito', 'https://clinica.example.it@evil.example/'),
        custom('/rotto', 'https://'),
        custom('/mail', 'mailto:info@clinica.example.it'),
      ],
      { siteHosts: ['clinica.example.it'], allowedHosts: ['www.partner.it'] },
    )
    expect([...table.keys()]).toEqual(['/sito', '/partner', '/admin-scelta', '/mail'])
  })
})

describe('external redirect targets', () => {
  const site = ['clinica.example.it', 'localhost:3000']

  it('are absolute http(s) URLs on a host other than the site’s, as browsers parse them', () => {
    expect(externalHost('https://Evil.Example/x', site)).toBe('evil.example')
    expect(externalHost('https:evil.example', site)).toBe('evil.example')
    expect(externalHost('http://clinica.example.it@evil.example/', site)).toBe('evil.example')
    expect(externalHost('http://localhost:4000/', site)).toBe('localhost')
    expect(externalHost('http://localhost:3000/blog', site)).toBeNull()
    expect(externalHost('https://clinica.example.it/blog', site)).toBeNull()
    expect(externalHost('/blog/x', site)).toBeNull()
    expect(externalHost('tel:+390212345678', site)).toBeNull()
  })

  it('allowlist entries are plain host names', () => {
    expect(validateRedirectHost('www.esempio.it')).toBe(true)
    expect(validateRedirectHost(' WWW.Esempio.IT. ')).toBe(true)
    expect(validateRedirectHost('xn--caff-dma.it')).toBe(true)
    for (const bad of [
      'https://esempio.it',
      'esempio.it/x',
      'esempio.it:8080',
      '*.esempio.it',
      'esempio',
      '127.0.0.1',
      '-a.it',
      '',
      42,
    ]) {
      expect([bad, validateRedirectHost(bad)]).toEqual([bad, REDIRECT_HOST_INVALID])
    }
  })
})
