import type { Metadata } from 'next'

import { BookingForm } from '@/components/booking/BookingForm.client'
import styles from '@/components/booking/booking.module.css'

const DESCRIPTION =
  'Chiedi un appuntamento per una visita specialistica del piede e della caviglia: compila il modulo e la clinica ti ricontatterà per fissare data e ora.'

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: 'Prenota una visita',
    description: DESCRIPTION,
    alternates: { canonical: '/prenota' },
  }
}

export default function BookingPage() {
  return (
    <div className={styles.page}>
      <h1>Prenota una visita</h1>
      <p>
        Lascia il tuo nome, un recapito e qualche parola sul motivo della visita: la clinica ti
        ricontatterà per concordare data e ora dell’appuntamento. L’invio del modulo non conferma
        ancora la prenotazione.
      </p>
      <p className={styles.notice}>
        Il modulo non è adatto alle urgenze: in caso di emergenza chiama il <strong>112</strong>.
      </p>
      <BookingForm />
    </div>
  )
}
