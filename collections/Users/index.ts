import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { getEnv } from '@/lib/env'

import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

export const USER_ROLES = [
  { label: 'Amministratore', value: 'admin' },
  { label: 'Redattore', value: 'editor' },
  { label: 'Autore (collaboratore)', value: 'author' },
  { label: 'Revisore medico', value: 'reviewer' },
] as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Utente', plural: 'Utenti' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: getEnv().nodeEnv === 'production' },
  },
  access: {
    // Only admins manage accounts; everyone may read and edit their own profile.
    admin: ({ req: { user } }) => Boolean(user),
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Payload's default lets any signed-in user unlock any account, undoing the lockout.
    unlock: isAdmin,
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'role'] },
  hooks: { beforeChange: [firstUserIsAdmin] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 120 },
    {
      name: 'role',
      type: 'select',
      label: 'Ruolo',
      required: true,
      defaultValue: 'editor',
      options: [...USER_ROLES],
      saveToJWT: true,
      // Only admins change roles, so nobody can raise their own.
      access: { create: isAdminField, update: isAdminField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'profile',
      type: 'relationship',
      label: 'Profilo pubblico (autore o medico)',
      relationTo: 'authors',
      // Links the account to its public profile: reviews are signed with it.
      access: { update: isAdminField },
      admin: { position: 'sidebar' },
    },
  ],
  timestamps: true,
}
