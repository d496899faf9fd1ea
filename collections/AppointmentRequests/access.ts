import type { Access, FieldAccess } from 'payload'

import type { User } from '@/payload-types'

const STAFF_ROLES: ReadonlySet<string> = new Set<User['role']>(['admin', 'editor'])

export const userIsStaff = (user: Pick<User, 'role'> | null | undefined): boolean =>
  Boolean(user?.role && STAFF_ROLES.has(user.role))

/** Logged-in admins and editors: the people who call patients back. */
export const isStaff: Access = ({ req: { user } }) => userIsStaff(user)

/** Nobody, through any API: requests are created by the booking service with overrideAccess. */
export const nobody: Access = () => false

/** What the patient sent stays as sent: staff can only change the status. */
export const immutableField: FieldAccess = () => false
