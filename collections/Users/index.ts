import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { getEnv } from '@/lib/env'

import { loginDelayEndpoints } from './endpoints'
import { clearFailedLogins, guardAuthOperations } from './hooks/authGuards'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { sendResetMail, takeOverResetMail } from './hooks/forgotPasswordMail'
import { forgotPasswordEmail, invitationEndpoint } from './invitation'

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
    // No hard lockout (anyone could lock any account, the admin's included): failed logins get
    // progressive delays per account and address instead (collections/Users/hooks/authGuards.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: getEnv().nodeEnv === 'production' },
    forgotPassword: forgotPasswordEmail,
  },
  access: {
    // Only admins manage accounts; everyone may read and edit their own profile.
    admin: ({ req: { user } }) => Boolean(user),
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'role'] },
  hooks: {
    beforeOperation: [guardAuthOperations, takeOverResetMail],
    afterOperation: [sendResetMail],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [clearFailedLogins],
  },
  endpoints: [...loginDelayEndpoints, invitationEndpoint],
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
    {
      // Checked, never stored: changing one's own password needs the current one.
      name: 'currentPassword',
      type: 'text',
      label: 'Password attuale',
      virtual: true,
      admin: {
        disableListColumn: true,
        disableListFilter: true,
        components: { Field: '@/components/admin/CurrentPassword.client#CurrentPassword' },
      },
      hooks: { afterRead: [() => undefined] },
    },
    {
      name: 'invite',
      type: 'ui',
      label: 'Invito',
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '@/components/admin/InviteUser.client#InviteUser' },
      },
    },
    {
      name: 'loginDelays',
      type: 'ui',
      label: 'Accessi non riusciti',
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '@/components/admin/LoginDelays.client#LoginDelays' },
      },
    },
  ],
  timestamps: true,
}
