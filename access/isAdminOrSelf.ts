import type { Access } from 'payload'

import { userIsAdmin } from './isAdmin'

/** Admins manage every account; everyone else only their own. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (userIsAdmin(user)) return true
  return { id: { equals: user.id } }
}
