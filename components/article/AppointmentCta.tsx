import Link from 'next/link'

import { telHref } from '@/lib/paths'

// No prefetch: the booking page carries the form's JavaScript, which article readers rarely need.
export function AppointmentCta({ phone }: { phone?: string | null }) {
  return (
    <aside aria-labelledby="cta-titolo" className="cta">
      <h2 id="cta-titolo">Vuoi un parere sul tuo caso?</h2>
      <p>
        Ogni piede è diverso: solo una visita specialistica può dire quale trattamento è adatto a
        te.
      </p>
      <p className="cta__actions">
        <Link href="/prenota" prefetch={false} className="button">
          Richiedi un appuntamento
        </Link>
        {phone ? (
          <a href={telHref(phone)} className="cta__phone">
            oppure chiama il {phone}
          </a>
        ) : null}
      </p>
    </aside>
  )
}
