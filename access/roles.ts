import type { Access, FieldAccess } from 'payload'

import type { User } from '@/payload-types'

type Role = User['role']

export const hasRole = (user: Pick<User, 'role'> | null | undefined, ...roles: Role[]): boolean =>
  Boolean(user?.role && roles.includes(user.role))

/** Editors and admins: they manage content and publish. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Anyone who writes articles: authors (contributors) too. */
export const canCreatePosts: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'author')

/**
 * Editors and admins edit every post; authors only the posts they created; reviewers may open
 * any post, but field access lets them change only the medical-review fields.
 */
export const canUpdatePosts: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'reviewer')) return true
  if (user && hasRole(user, 'author')) return { createdBy: { equals: user.id } }
  return false
}

/** Content fields: everybody who may update the post except reviewers. */
export const notReviewer: FieldAccess = ({ req: { user } }) => !hasRole(user, 'reviewer')
