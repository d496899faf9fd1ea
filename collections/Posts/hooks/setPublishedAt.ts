import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/** `publishedAt` is set on the first publish and kept afterwards (editors may still change it). */
export const setPublishedAt: CollectionBeforeChangeHook<Post> = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
