import { unstable_cache } from 'next/cache'

import { CACHE_LIFETIME_SECONDS } from '@/lib/cache-tags'

/**
 * Reads through Next's data cache under `tags`, so the page rendering it carries them too (and
 * `revalidateTag` expires both). `unstable_cache` is the way to tag non-fetch data in Next 16
 * without Cache Components (`'use cache'` needs them). The result is stored as JSON: Payload
 * documents are plain JSON already.
 *
 * `key` must name the query and every value `read` uses: it is the cache key. Only public data
 * goes through here (no user, `overrideAccess: false`): the cache is shared by every visitor.
 * Outside a Next.js server (scripts, tests) there is no cache: the data is read directly.
 */
export function tagged<T>(
  key: readonly (string | number)[],
  tags: readonly string[],
  read: () => Promise<T>,
): Promise<T> {
  if (!process.env.NEXT_RUNTIME) return read()
  return unstable_cache(read, key.map(String), {
    tags: [...tags],
    revalidate: CACHE_LIFETIME_SECONDS,
  })()
}
