/** @jest-environment node */
import { describe, expect, it } from '@jest/globals'
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match.js'

/*
 * Issue 11: withPayload sent `Accept-CH`, `Critical-CH` and `Vary: Sec-CH-Prefers-Color-Scheme`
 * on every route; `Critical-CH` makes Chromium discard and re-request a patient's first page.
 * The real next.config.ts (with the real withPayload) is checked here; the e2e tests check the
 * served responses.
 */

type Rule = { source: string; headers: { key: string; value: string }[] }

const { default: nextConfig } = (await import('@/next.config')) as {
  default: { headers: () => Promise<Rule[]> }
}
const rules = await nextConfig.headers()

/** The headers next.config.ts gives a path (every matching rule, as Next applies them). */
const headersFor = (pathname: string) =>
  rules
    .filter((rule) => getPathMatch(rule.source)(pathname) !== false)
    .flatMap((rule) => rule.headers)

const clientHints = (pathname: string) =>
  headersFor(pathname)
    .filter(({ value }) => /sec-ch-prefers-color-scheme/i.test(value))
    .map(({ key }) => key.toLowerCase())
    .sort()

describe('the colour-scheme client hint of Payload', () => {
  it.each(['/', '/blog', '/blog/alluce-valgo', '/feed.xml', '/sitemap.xml', '/api/posts'])(
    'is not asked for on %s',
    (pathname) => {
      expect(clientHints(pathname)).toEqual([])
    },
  )

  it.each(['/admin', '/admin/login', '/admin/collections/posts/123'])(
    'is still asked for on the admin: %s',
    (pathname) => {
      expect(clientHints(pathname)).toEqual(['accept-ch', 'critical-ch', 'vary'])
    },
  )

  it('keeps the public security headers', () => {
    expect(headersFor('/').map(({ key }) => key)).toContain('Content-Security-Policy')
  })
})
