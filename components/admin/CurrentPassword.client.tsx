'use client'

import { FieldError, useAuth, useDocumentInfo, useField } from '@payloadcms/ui'

import type { User } from '@/payload-types'

import styles from './admin.module.css'

/**
 * "Password attuale": asked when people change their own password (the server refuses the change
 * without it, see collections/Users/hooks/authGuards.ts). Not shown on other people's accounts:
 * an admin resetting a colleague's password does not know it.
 */
export function CurrentPassword({ path }: { path: string }) {
  const { user } = useAuth<User>()
  const { id } = useDocumentInfo()
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  if (!user || id === undefined || String(user.id) !== String(id)) return null
  return (
    <div className={`field-type text ${styles.currentPassword}`}>
      <label className="field-label" htmlFor="field-currentPassword">
        Password attuale
      </label>
      <FieldError path={path} showError={showError} message={errorMessage} />
      <input
        id="field-currentPassword"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={value ?? ''}
        onChange={(event) => setValue(event.target.value)}
      />
      <p className={styles.hint}>Serve solo per cambiare la tua password.</p>
    </div>
  )
}
