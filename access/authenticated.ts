import type { Access } from 'payload'

/** Any logged-in admin-panel user (admin or editor). */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
