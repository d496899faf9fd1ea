'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import type { User } from '@/payload-types'

import styles from './admin.module.css'

type State = { kind: 'idle' | 'busy' | 'done' | 'error'; message?: string }

/**
 * "Invia invito" on a user's page (admins): e-mails the account's owner a link to choose their
 * password, valid 7 days (`POST /api/users/:id/invite`). Sending it again replaces the link.
 */
export function InviteUser() {
  const { user } = useAuth<User>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [state, setState] = useState<State>({ kind: 'idle' })

  if (user?.role !== 'admin') return null
  if (!id) {
    return (
      <p className={styles.hint}>
        Dopo il salvataggio potrai inviare l’invito: il titolare sceglierà la propria password.
      </p>
    )
  }

  const invite = async () => {
    setState({ kind: 'busy' })
    try {
      const response = await fetch(`${config.routes.api}/users/${id}/invite`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await response.json()) as { sent?: boolean; errors?: { message?: string }[] }
      if (!response.ok || !body.sent) {
        throw new Error(body.errors?.[0]?.message ?? `errore ${response.status}`)
      }
      setState({
        kind: 'done',
        message: 'Invito inviato: il collegamento per scegliere la password vale 7 giorni.',
      })
    } catch (error) {
      setState({
        kind: 'error',
        message: `Invito non inviato. ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  return (
    <div className={styles.reviewField}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() => void invite()}
        disabled={state.kind === 'busy'}
      >
        {state.kind === 'busy' ? 'Invio in corso…' : 'Invia invito'}
      </button>
      <p className={styles.hint}>
        Invia per e-mail un collegamento con cui il titolare sceglie la password (anche per inviarlo
        di nuovo).
      </p>
      <p role="status" className={state.kind === 'error' ? styles.errorText : undefined}>
        {state.message ?? ''}
      </p>
    </div>
  )
}
