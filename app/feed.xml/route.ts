import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'
import { getClinic } from '@/lib/queries/clinic'
import { loadFeedPosts } from '@/lib/queries/discovery'
import { buildRssFeed, FEED_MAX_ITEMS } from '@/lib/seo/rss'

/** RSS 2.0 with the latest published articles; regenerated when content changes. */
export async function GET() {
  const [clinic, posts] = await Promise.all([
    getClinic(),
    getPayloadClient().then((payload) => loadFeedPosts(payload, FEED_MAX_ITEMS)),
  ])
  const name = clinicName(clinic)
  const xml = buildRssFeed({
    siteUrl: getEnv().siteUrl,
    clinicName: name,
    description: `Gli articoli di ${name} su piede e caviglia.`,
    posts,
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
