import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@/payload-types'

/** The first account ever created (from the admin's "create first user" screen) runs the site. */
export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
