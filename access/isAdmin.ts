import type { Access, FieldAccess } from 'payload'

import type { User } from '@/payload-types'

export const userIsAdmin = (user: Pick<User, 'role'> | null | undefined): boolean =>
  user?.role === 'admin'

export const isAdmin: Access = ({ req: { user } }) => userIsAdmin(user)

export const isAdminField: FieldAccess = ({ req: { user } }) => userIsAdmin(user)
