import { describe, expect, it } from '@jest/globals'

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
  it('maps sources to published targets with their status, skipping unsafe and unpublished ones', () => {
    const table = buildRedirectTable([
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
    ])
    expect(Object.fromEntries(table)).toEqual({
      '/blog/vecchio': { to: '/blog/nuovo', status: 301 },
      '/promo': { to: '/prenota', status: 302 },
      '/privacy-vecchia': { to: '/privacy', status: 301 },
    })
  })
})
