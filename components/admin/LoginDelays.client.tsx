'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { User } from '@/payload-types'

import styles from './admin.module.css'

type Delay = { address: string; failures: number; retryAt: number; waiting: boolean }

const time = new Intl.DateTimeFormat('it-IT', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Rome',
})

/**
 * For admins, on an account: the addresses whose failed logins are delaying further attempts,
 * and a button that clears them (for a colleague who mistyped too often).
 */
export function LoginDelays() {
  const { user } = useAuth<User>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [delays, setDelays] = useState<Delay[] | null>(null)
  const [message, setMessage] = useState('')
  const [version, setVersion] = useState(0)
  const url = `${config.routes.api}/users/${id}/login-delays`
  const enabled = user?.role === 'admin' && id !== undefined

  useEffect(() => {
    if (!enabled) return
    let current = true
    fetch(url, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ delays: Delay[] }>) : null))
      .then((body) => {
        if (current && body) setDelays(body.delays)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [enabled, url, version])

  if (!enabled || delays === null) return null
  if (delays.length === 0) {
    return <p className={styles.hint}>Accessi: nessun tentativo fallito in sospeso.</p>
  }
  const clear = async () => {
    const response = await fetch(url, { method: 'DELETE', credentials: 'include' })
    setMessage(response.ok ? 'Ritardi azzerati.' : 'Non è stato possibile azzerare i ritardi.')
    setVersion((value) => value + 1)
  }
  return (
    <div className={styles.reviewField}>
      <p>
        <strong>Accessi non riusciti</strong>
      </p>
      <ul>
        {delays.map((delay) => (
          <li key={delay.address}>
            {delay.address}: {delay.failures} tentativi falliti
            {delay.waiting ? `, prossimo tentativo dalle ${time.format(delay.retryAt)}` : ''}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={clear}>
        Azzera i ritardi di accesso
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  )
}
