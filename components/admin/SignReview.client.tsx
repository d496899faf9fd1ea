'use client'

import { useAuth, useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import { useState } from 'react'

import type { User } from '@/payload-types'

import styles from './admin.module.css'

type State = { kind: 'idle' | 'busy' | 'done' | 'error'; message?: string }

const SIGNERS: User['role'][] = ['admin', 'editor', 'reviewer']

/**
 * "Firma la revisione medica": signs the post's medical review with the signed-in doctor's
 * profile and today's date. The server does the signing (the `markReviewed` rule in
 * collections/Posts/hooks/editorialRules.ts) on a draft save, so a published article shows the
 * new review date once an editor publishes. The form then takes the stored values, so later
 * autosaves keep them.
 */
export function SignReview() {
  const { user } = useAuth<User>()
  const { id, collectionSlug } = useDocumentInfo()
  const { dispatchFields } = useForm()
  const { config } = useConfig()
  const [state, setState] = useState<State>({ kind: 'idle' })

  if (!user || !SIGNERS.includes(user.role)) {
    return <p className={styles.hint}>La revisione medica viene firmata da un medico revisore.</p>
  }
  if (!user.profile) {
    return (
      <p className={styles.hint}>
        Per firmare la revisione medica il tuo account deve essere collegato a un profilo medico:
        chiedi a un amministratore di collegarlo.
      </p>
    )
  }
  if (!id) {
    return (
      <p className={styles.hint}>
        Scrivi il titolo: la firma è possibile dopo il primo salvataggio.
      </p>
    )
  }

  const sign = async () => {
    setState({ kind: 'busy' })
    try {
      const response = await fetch(
        `${config.routes.api}/${collectionSlug}/${id}?draft=true&depth=0`,
        {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ markReviewed: true }),
        },
      )
      const body = (await response.json()) as {
        doc?: { reviewedBy?: unknown; lastReviewedAt?: unknown }
        errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
      }
      if (!response.ok || !body.doc) {
        const error = body.errors?.[0]
        throw new Error(
          error?.data?.errors?.[0]?.message ?? error?.message ?? `errore ${response.status}`,
        )
      }
      for (const path of ['reviewedBy', 'lastReviewedAt'] as const) {
        const value = body.doc[path] ?? null
        dispatchFields({ type: 'UPDATE', path, value, initialValue: value })
      }
      setState({ kind: 'done', message: 'Revisione firmata con il tuo profilo e la data di oggi.' })
    } catch (error) {
      setState({
        kind: 'error',
        message: `La firma non è stata registrata: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  return (
    <div className={styles.reviewField}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() => void sign()}
        disabled={state.kind === 'busy'}
      >
        {state.kind === 'busy' ? 'Firma in corso…' : 'Firma la revisione medica'}
      </button>
      <p className={styles.hint}>
        Registra te come revisore e oggi come data dell’ultima revisione medica.
      </p>
      <p role="status" className={state.kind === 'error' ? styles.errorText : undefined}>
        {state.message ?? ''}
      </p>
    </div>
  )
}
