import type { MetadataRoute } from 'next'

import { getEnv } from '@/lib/env'

// Reads the site URL at request time (a build may run with another SITE_URL).
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getEnv()
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/cerca', '/anteprima'] }],
    sitemap: `${siteUrl}/sitemap.xml`,
  }
}
