import type { Access, FieldAccess } from 'payload'

import type { User } from '@/payload-types'

type Role = User['role']

export const hasRole = (user: Pick<User, 'role'> | null | undefined, ...roles: Role[]): boolean =>
  Boolean(user?.role && roles.includes(user.role))

/** Editors and admins: they manage content and publish. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** What an access check is asked about: a write that would publish the post. */
const publishes = (data: { _status?: unknown } | undefined) => data?._status === 'published'

/**
 * Anyone who writes articles: authors (contributors) too, but only as drafts. Denying the
 * publishing write here, not only in a hook, is what makes the admin hide its publish and
 * schedule buttons from authors and reviewers.
 */
export const canCreatePosts: Access = ({ req: { user }, data }) =>
  hasRole(user, 'admin', 'editor') || (hasRole(user, 'author') && !publishes(data))

/**
 * Editors and admins edit and publish every post; authors only the posts they created; reviewers
 * may open any post, but field access lets them change only the medical-review fields. Neither
 * authors nor reviewers publish (see also the onlyEditorsPublish hook for changes to live posts).
 */
export const canUpdatePosts: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (publishes(data)) return false
  if (hasRole(user, 'reviewer')) return true
  if (user && hasRole(user, 'author')) return { createdBy: { equals: user.id } }
  return false
}

/** Content fields: everybody who may update the post except reviewers. */
export const notReviewer: FieldAccess = ({ req: { user } }) => !hasRole(user, 'reviewer')
