import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { getClinic } from '@/lib/queries/clinic'
import { getFeedPosts } from '@/lib/queries/discovery'
import { buildRssFeed, FEED_MAX_ITEMS } from '@/lib/seo/rss'

// Cached like the pages and tagged with what it shows (posts, their authors and categories,
// the clinic): a published change expires it at once (lib/revalidate.ts).
export const revalidate = 600

/** RSS 2.0 with the latest published articles. */
export async function GET() {
  const [clinic, posts] = await Promise.all([getClinic(), getFeedPosts(FEED_MAX_ITEMS)])
  const name = clinicName(clinic)
  const xml = buildRssFeed({
    siteUrl: getEnv().siteUrl,
    clinicName: name,
    description: `Gli articoli di ${name} su piede e caviglia.`,
    posts,
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
