import type { CSSProperties } from 'react'

import type { DashboardCount, DashboardData } from '@/lib/dashboard/data'
import { EXPIRING_WITHIN_DAYS } from '@/lib/editorial/review-request'

const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Rome',
})

/** "3 ore", "2 giorni": how long the oldest new request has waited. */
export function waited(hours: number): string {
  if (hours < 1) return 'meno di un’ora'
  if (hours < 48) return hours === 1 ? '1 ora' : `${hours} ore`
  return `${Math.floor(hours / 24)} giorni`
}

const box: CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '16px 20px',
  marginBottom: 24,
}
const list: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }

function CountItem({ item, label }: { item: DashboardCount; label: [string, string] }) {
  return (
    <li>
      <a href={item.href}>
        <strong>{item.count}</strong> {item.count === 1 ? label[0] : label[1]}
      </a>
    </li>
  )
}

/** The newest backup archive, for admins (lib/backup/schedule.ts `getLastBackup`). */
export type BackupSummary = { at: string; size: number } | null

/** "12,4 MB": an archive's size for people. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`
}

/** The "Da fare" panel at the top of the admin dashboard (see StaffDashboard). */
export function DashboardPanel({
  data,
  backup,
}: {
  data: DashboardData
  /** Shown to admins only; `undefined` hides the line. */
  backup?: BackupSummary
}) {
  const { newRequests, myDrafts, awaitingReview, expiringReviews, scheduled } = data
  const mine = data.role === 'author'
  return (
    <section style={box} aria-labelledby="dashboard-da-fare">
      <h2 id="dashboard-da-fare" style={{ marginTop: 0 }}>
        Da fare
      </h2>
      <ul style={list}>
        {newRequests ? (
          <li>
            <a href={newRequests.href}>
              <strong>{newRequests.count}</strong>{' '}
              {newRequests.count === 1
                ? 'nuova richiesta di appuntamento'
                : 'nuove richieste di appuntamento'}
            </a>
            {newRequests.oldestAgeHours !== null ? (
              <> — la più vecchia attende da {waited(newRequests.oldestAgeHours)}</>
            ) : null}
          </li>
        ) : null}
        {myDrafts ? <CountItem item={myDrafts} label={['tua bozza', 'tue bozze']} /> : null}
        {awaitingReview ? (
          <CountItem
            item={awaitingReview}
            label={
              mine
                ? [
                    'tuo articolo in attesa di revisione medica',
                    'tuoi articoli in attesa di revisione medica',
                  ]
                : [
                    'articolo in attesa di revisione medica',
                    'articoli in attesa di revisione medica',
                  ]
            }
          />
        ) : null}
        {expiringReviews ? (
          <CountItem
            item={expiringReviews}
            label={[
              `articolo pubblicato con la revisione medica scaduta o in scadenza entro ${EXPIRING_WITHIN_DAYS} giorni`,
              `articoli pubblicati con la revisione medica scaduta o in scadenza entro ${EXPIRING_WITHIN_DAYS} giorni`,
            ]}
          />
        ) : null}
      </ul>
      {scheduled ? (
        <>
          <h3>Pubblicazioni programmate</h3>
          {scheduled.length === 0 ? (
            <p>Nessuna pubblicazione programmata.</p>
          ) : (
            <ul style={list}>
              {scheduled.map((item) => (
                <li key={`${item.postId}-${item.at}`}>
                  <time dateTime={item.at}>{DATE_TIME.format(new Date(item.at))}</time>:{' '}
                  {item.type === 'unpublish' ? 'ritiro di ' : 'pubblicazione di '}
                  <a href={item.href}>{item.title}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {backup === undefined ? null : (
        <p>
          {backup ? (
            <>
              Ultimo backup:{' '}
              <time dateTime={backup.at}>{DATE_TIME.format(new Date(backup.at))}</time> (
              {megabytes(backup.size)})
            </>
          ) : (
            'Nessun backup ancora: esegui npm run backup o imposta BACKUP_CRON.'
          )}
        </p>
      )}
    </section>
  )
}
