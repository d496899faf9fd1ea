import { getEnv } from '@/lib/env'
import { createRateLimiter, getClientIp, type RateLimiter } from '@/lib/rate-limit'

import { tooManySearchesMessage } from './messages'
import { parseSearchQuery } from './query'

export const SEARCH_PATH = '/cerca'
const WINDOW_MS = 60_000

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * The page past the limit: 429 with `Retry-After`, a short Italian page of its own (the proxy
 * answers before any React page renders), never cached.
 */
export function tooManySearchesResponse(retryAfterSeconds: number): Response {
  const message = escapeHtml(tooManySearchesMessage(retryAfterSeconds))
  const html = `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Troppe ricerche</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}a{color:#0f5f8a}</style>
</head>
<body>
<main>
<h1>Troppe ricerche</h1>
<p>${message}</p>
<p>Nel frattempo puoi leggere gli articoli dal <a href="/blog">blog</a> o tornare alla <a href="/">pagina iniziale</a>.</p>
</main>
</body>
</html>
`
  return new Response(html, {
    status: 429,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(retryAfterSeconds),
      'Cache-Control': 'no-store',
    },
  })
}

/**
 * The per-address limit of /cerca: `perMinute` searches per client address in any minute
 * (lib/rate-limit.ts: shared through Redis when configured). Only requests that would search
 * count: an empty or unusable query does no work, so it is neither counted nor refused.
 * Returns the 429 response past the limit, undefined otherwise.
 */
export function createSearchLimit(
  perMinute: () => number,
  makeLimiter: (limit: number) => RateLimiter = (limit) =>
    createRateLimiter({ name: 'search', limit, windowMs: WINDOW_MS }),
) {
  let limiter: { limit: number; check: RateLimiter['check'] } | undefined
  return async (request: Request): Promise<Response | undefined> => {
    const limit = perMinute()
    if (limit === 0) return undefined
    const url = new URL(request.url)
    if (url.pathname !== SEARCH_PATH) return undefined
    if (parseSearchQuery(url.searchParams.getAll('q')).kind !== 'ok') return undefined
    if (limiter?.limit !== limit) limiter = { limit, check: makeLimiter(limit).check }
    const { allowed, retryAfterSeconds } = await limiter.check(getClientIp(request.headers))
    return allowed ? undefined : tooManySearchesResponse(retryAfterSeconds)
  }
}

/** The site's limit, as configured by SEARCH_RATE_LIMIT (lib/env.ts). */
export const limitSearch = createSearchLimit(() => getEnv().searchRateLimit)
