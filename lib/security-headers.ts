/**
 * Security headers for every response: public pages, Payload's API and media files, the admin.
 * Public pages run no eval; the admin (Payload's React app) is allowed it. Inline scripts are
 * needed by Next's statically generated pages (a nonce would force dynamic rendering).
 */
type Header = { key: string; value: string }

const csp = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

export function contentSecurityPolicy({
  admin,
  development,
}: {
  admin: boolean
  development: boolean
}): string {
  const scripts = ["'self'", "'unsafe-inline'", ...(admin || development ? ["'unsafe-eval'"] : [])]
  return csp({
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // Only the site itself may frame pages (the admin's live preview).
    'frame-ancestors': ["'self'"],
  })
}

export function securityHeaders({
  admin,
  production,
}: {
  admin: boolean
  production: boolean
}): Header[] {
  return [
    {
      key: 'Content-Security-Policy',
      value: contentSecurityPolicy({ admin, development: !production }),
    },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    },
    ...(production
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
      : []),
  ]
}
