/**
 * Payload's `withPayload` asks every route for the `Sec-CH-Prefers-Color-Scheme` client hint
 * (`Accept-CH`, `Critical-CH`, `Vary`), for the admin's theme (payloadcms/payload#17906). On
 * public pages that costs patients: `Critical-CH` makes Chromium discard and re-request the
 * first page view, and `Vary` splits every shared cache entry by colour scheme. The public
 * site has no use for the hint, so it is asked for on the admin only.
 */

import type { NextConfig } from 'next'

type HeaderRule = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>[number]

const HINT = 'sec-ch-prefers-color-scheme'

/** Only headers that exist for the colour-scheme hint: other `Vary` values are left alone. */
const isColorSchemeHint = ({ key, value }: { key: string; value: string }) => {
  const name = key.toLowerCase()
  return (
    (name === 'accept-ch' || name === 'critical-ch' || name === 'vary') &&
    value.toLowerCase().includes(HINT)
  )
}

/** The admin's URLs: `/admin` itself (`:path*` may be empty) and everything under it. */
export const ADMIN_SOURCE = '/admin/:path*'

/**
 * The same header rules with the colour-scheme hint headers taken out of every rule and given
 * to the admin's URLs only. Rules left without headers are dropped.
 */
export function scopeClientHintsToAdmin(rules: readonly HeaderRule[]): HeaderRule[] {
  const hints = new Map<string, { key: string; value: string }>()
  const rest = rules.flatMap((rule) => {
    for (const header of rule.headers.filter(isColorSchemeHint)) {
      hints.set(header.key.toLowerCase(), header)
    }
    const headers = rule.headers.filter((header) => !isColorSchemeHint(header))
    return headers.length > 0 ? [{ ...rule, headers }] : []
  })
  if (hints.size === 0) return rest
  return [...rest, { source: ADMIN_SOURCE, headers: [...hints.values()] }]
}
