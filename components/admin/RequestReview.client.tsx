'use client'

import { useAuth, useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import type { User } from '@/payload-types'

import styles from './admin.module.css'

type State = { kind: 'idle' | 'busy' | 'done' | 'error'; message?: string }

const REQUESTERS: User['role'][] = ['admin', 'editor', 'author']

const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Rome',
})

type Answer = {
  requestedAt?: string
  notified?: number
  failed?: number
  errors?: { message?: string }[]
}

function outcome({ notified = 0, failed = 0 }: Answer): string {
  if (notified === 0 && failed === 0) {
    return 'Richiesta registrata, ma nessun account ha il ruolo di revisore medico: avvisa un amministratore.'
  }
  const sent =
    notified === 1
      ? 'Richiesta inviata a 1 revisore medico.'
      : `Richiesta inviata a ${notified} revisori medici.`
  return failed > 0
    ? `${notified > 0 ? sent : 'Richiesta registrata.'} ${failed === 1 ? '1 e-mail non è partita' : `${failed} e-mail non sono partite`}: il server di posta non risponde, riprova più tardi.`
    : sent
}

/**
 * "Richiedi revisione medica": the post's author (or an editor) asks the medical reviewers to
 * review the saved draft. The server records the request and e-mails them the preview link
 * (`POST /api/posts/:id/request-review`).
 */
export function RequestReview() {
  const { user } = useAuth<User>()
  const { id, collectionSlug } = useDocumentInfo()
  const { dispatchFields } = useForm()
  const { config } = useConfig()
  const requestedAt = useFormFields(([fields]) => fields.reviewRequestedAt?.value) as
    string | null | undefined
  const [state, setState] = useState<State>({ kind: 'idle' })

  if (!user || !REQUESTERS.includes(user.role)) return null
  if (!id) {
    return (
      <p className={styles.hint}>
        Salva la bozza: la revisione medica si può richiedere dopo il primo salvataggio.
      </p>
    )
  }

  const request = async () => {
    setState({ kind: 'busy' })
    try {
      const response = await fetch(`${config.routes.api}/${collectionSlug}/${id}/request-review`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await response.json()) as Answer
      if (!response.ok || !body.requestedAt) {
        throw new Error(body.errors?.[0]?.message ?? `errore ${response.status}`)
      }
      dispatchFields({
        type: 'UPDATE',
        path: 'reviewRequestedAt',
        value: body.requestedAt,
        initialValue: body.requestedAt,
      })
      setState({ kind: body.failed ? 'error' : 'done', message: outcome(body) })
    } catch (error) {
      setState({
        kind: 'error',
        message: `La richiesta non è stata registrata: ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }

  return (
    <div className={styles.reviewField}>
      {requestedAt ? (
        <p className={styles.hint}>
          In attesa di revisione dal {DATE_TIME.format(new Date(requestedAt))}.
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={() => void request()}
        disabled={state.kind === 'busy'}
      >
        {state.kind === 'busy'
          ? 'Invio in corso…'
          : requestedAt
            ? 'Richiedi di nuovo la revisione medica'
            : 'Richiedi revisione medica'}
      </button>
      <p className={styles.hint}>
        Salva prima le modifiche: i revisori medici ricevono per e-mail il collegamento
        all’anteprima dell’ultima bozza salvata.
      </p>
      <p role="status" className={state.kind === 'error' ? styles.errorText : undefined}>
        {state.message ?? ''}
      </p>
    </div>
  )
}
