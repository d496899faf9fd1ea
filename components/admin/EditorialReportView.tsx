import { useId, type ReactNode } from 'react'

import type { Claim, EditorialReport, GulpeaseResult } from '@/lib/editorial'

import styles from './admin.module.css'
import { ReviewBadge } from './ReviewBadge'

const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 })

const plural = (count: number, one: string, many: string) =>
  `${integer.format(count)} ${count === 1 ? one : many}`

/**
 * The editorial checks of a post (text statistics, Gulpease readability, SEO, claims, medical
 * review) in plain Italian. Pure: the live form wiring is in EditorialPanel.client.
 */
export function EditorialReportView({ report }: { report: EditorialReport }) {
  const headingId = useId()
  const passed = report.seo.filter((check) => check.ok).length
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>Controlli editoriali</h2>
      <p className={styles.hint}>
        Suggerimenti aggiornati mentre scrivi: non bloccano né il salvataggio né la pubblicazione.
      </p>

      <h3>Revisione medica</h3>
      <p>
        <ReviewBadge status={report.review} />
      </p>

      {report.sources ? (
        <>
          <h3>Fonti</h3>
          <p className={report.sources.ok ? styles.ok : styles.warning}>
            <span className={styles.status}>
              <span aria-hidden="true">{report.sources.ok ? '✓' : '!'}</span>{' '}
              {report.sources.ok ? 'OK:' : 'Da migliorare:'}
            </span>{' '}
            {report.sources.message}
          </p>
        </>
      ) : null}

      <h3>Testo</h3>
      <dl className={styles.stats}>
        <dt>Parole</dt>
        <dd>{integer.format(report.words)}</dd>
        <dt>Tempo di lettura</dt>
        <dd>{report.words === 0 ? '–' : plural(report.readingMinutes, 'minuto', 'minuti')}</dd>
        <dt>Lunghezza media delle frasi</dt>
        <dd>
          {report.sentences === 0 ? '–' : `${decimal.format(report.averageSentenceLength)} parole`}
        </dd>
      </dl>

      <h3>Leggibilità (indice Gulpease)</h3>
      <Readability result={report.gulpease} />

      <h3>SEO</h3>
      <p>
        Controlli superati: {passed} su {report.seo.length}.
      </p>
      <ul className={styles.list}>
        {report.seo.map((check) => (
          <li key={check.id} className={check.ok ? styles.ok : styles.warning}>
            <span className={styles.status}>
              <span aria-hidden="true">{check.ok ? '✓' : '!'}</span>{' '}
              {check.ok ? 'OK:' : 'Da migliorare:'}
            </span>{' '}
            {check.message}
          </li>
        ))}
      </ul>

      <h3>Affermazioni da verificare</h3>
      <Claims claims={report.claims} />
    </section>
  )
}

function Readability({ result }: { result: GulpeaseResult | null }) {
  if (!result) return <p>Scrivi il testo per calcolare la leggibilità.</p>
  const hard = result.band === 'superiore' || result.band === 'difficile'
  return (
    <>
      <p>
        <strong>{result.score}</strong> su 100: {result.label}.
      </p>
      <p className={styles.hint}>
        {hard
          ? 'Per i pazienti conviene semplificare: frasi più brevi e parole più comuni alzano il punteggio.'
          : 'Più alto è il punteggio, più il testo è facile da leggere.'}
      </p>
    </>
  )
}

function Claims({ claims }: { claims: Claim[] }) {
  if (claims.length === 0) {
    return <p>Nessuna espressione vietata o ingannevole trovata.</p>
  }
  return (
    <>
      <p>
        {plural(claims.length, 'espressione da rivedere', 'espressioni da rivedere')}: le regole
        sulla pubblicità sanitaria vietano promesse di risultato e superlativi. Sono segnalate anche
        in frasi negative: decidi tu.
      </p>
      <ul className={styles.list}>
        {claims.map((claim) => (
          <li key={claim.index} className={`${styles.warning} ${styles.claim}`}>
            <span className={styles.status}>«{claim.phrase}»</span> in:{' '}
            <q>{highlight(claim.excerpt, claim.phrase)}</q>
          </li>
        ))}
      </ul>
    </>
  )
}

// The excerpt has its whitespace collapsed, so the phrase is looked up the same way.
function highlight(excerpt: string, phrase: string): ReactNode {
  const needle = phrase.replace(/\s+/g, ' ')
  const at = excerpt.indexOf(needle)
  if (at < 0) return excerpt
  return (
    <>
      {excerpt.slice(0, at)}
      <mark>{needle}</mark>
      {excerpt.slice(at + needle.length)}
    </>
  )
}
