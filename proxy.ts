import { NextResponse, type NextRequest } from 'next/server'

import { findRedirect } from '@/lib/redirects/table'
import { limitSearch } from '@/lib/search/rate-limit'

/** Payload reads the admin language from this cookie first, then from the browser. */
const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_ADMIN_LANGUAGE = 'it'

/**
 * The admin opens in Italian for everyone who has not chosen a language yet (browsers often
 * send English); English stays available from the account page, which sets the cookie.
 */
function adminLanguage(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, DEFAULT_ADMIN_LANGUAGE)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_ADMIN_LANGUAGE, {
    path: '/',
    sameSite: 'lax',
    maxAge: 60 * 60 * 24 * 365,
  })
  return response
}

export async function proxy(request: NextRequest) {
  const { pathname, search, origin } = request.nextUrl
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminLanguage(request)
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()

  // Searches per client address (429 + Retry-After past it), before any search work.
  const limited = await limitSearch(request)
  if (limited) return limited

  // Redirects managed in the admin (and created when a published post changes slug).
  const redirect = await findRedirect(pathname)
  if (!redirect) return NextResponse.next()
  const target = new URL(redirect.to, request.url)
  if (target.origin === origin && !target.search) target.search = search
  return NextResponse.redirect(target, redirect.status)
}

export const config = {
  // Pages, not Payload's API or Next's assets. The login and password-reset limits live where
  // Payload runs those operations (collections/Users/hooks/authGuards.ts), whatever the URL.
  matcher: ['/((?!api/|_next/|favicon\\.ico).*)'],
}
