import { retentionDaysOf, retentionSentence } from '@/lib/booking/retention'
import type { Clinic } from '@/payload-types'

/** Where the privacy page's slug is: the retention rule is shown there, from the Clinic global. */
export const PRIVACY_PAGE_SLUG = 'privacy'

/** The requests' retention period, always the one the deletion job applies. */
export function RetentionNotice({ clinic }: { clinic: Pick<Clinic, 'requestRetentionDays'> }) {
  return (
    <section className="article__body" aria-labelledby="conservazione-richieste">
      <h2 id="conservazione-richieste">Conservazione delle richieste di appuntamento</h2>
      <p>{retentionSentence(retentionDaysOf(clinic))}</p>
    </section>
  )
}
