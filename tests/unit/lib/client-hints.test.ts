import { describe, expect, it } from '@jest/globals'

import { scopeClientHintsToAdmin } from '@/lib/client-hints'

describe('scopeClientHintsToAdmin', () => {
  it('moves only the hint headers, leaving other Vary values and rules alone', () => {
    expect(
      scopeClientHintsToAdmin([
        { source: '/feed.xml', headers: [{ key: 'Vary', value: 'Accept-Encoding' }] },
        {
          source: '/:path*',
          headers: [
            { key: 'Accept-CH', value: 'Sec-CH-Prefers-Color-Scheme' },
            { key: 'Vary', value: 'Sec-CH-Prefers-Color-Scheme' },
            { key: 'X-Powered-By', value: 'Next.js, Payload' },
          ],
        },
      ]),
    ).toEqual([
      { source: '/feed.xml', headers: [{ key: 'Vary', value: 'Accept-Encoding' }] },
      { source: '/:path*', headers: [{ key: 'X-Powered-By', value: 'Next.js, Payload' }] },
      {
        source: '/admin/:path*',
        headers: [
          { key: 'Accept-CH', value: 'Sec-CH-Prefers-Color-Scheme' },
          { key: 'Vary', value: 'Sec-CH-Prefers-Color-Scheme' },
        ],
      },
    ])
  })

  it('returns the rules unchanged when there is no hint', () => {
    const plain = [{ source: '/', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] }]
    expect(scopeClientHintsToAdmin(plain)).toEqual(plain)
  })
})
