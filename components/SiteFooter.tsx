import Link from 'next/link'

import type { Author, Clinic } from '@/payload-types'
import { telHref } from '@/lib/paths'
import { displayName } from '@/lib/people'
import { clinicName } from '@/lib/clinic'

/** The clinic's legal and contact details, as Italian rules for medical websites ask. */
export function SiteFooter({ clinic }: { clinic: Clinic }) {
  const name = clinicName(clinic)
  const address = clinic.address
  const director =
    typeof clinic.medicalDirector === 'object' ? (clinic.medicalDirector as Author | null) : null
  const year = new Date().getFullYear()
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__name">{clinic.legalName || name}</p>
          {address?.street ? (
            <address>
              {address.street}
              <br />
              {[address.postalCode, address.city, address.province ? `(${address.province})` : null]
                .filter(Boolean)
                .join(' ')}
            </address>
          ) : null}
          {clinic.vatNumber ? <p>P.IVA {clinic.vatNumber}</p> : null}
        </div>
        <div>
          {clinic.phone ? (
            <p>
              Telefono: <a href={telHref(clinic.phone)}>{clinic.phone}</a>
            </p>
          ) : null}
          {clinic.email ? (
            <p>
              E-mail: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
            </p>
          ) : null}
          {clinic.openingHours?.length ? (
            <dl className="site-footer__hours">
              {clinic.openingHours.map((slot) => (
                <div key={slot.id ?? slot.days}>
                  <dt>{slot.days}</dt>
                  <dd>{slot.hours}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
        <div>
          {director ? (
            <p>
              Direttore sanitario: {displayName(director)}
              {director.ordineProvince && director.ordineNumber
                ? `, iscritto all’Ordine dei Medici di ${director.ordineProvince} n. ${director.ordineNumber}`
                : null}
            </p>
          ) : null}
          {clinic.isDemo ? (
            <p className="site-footer__demo">Dati della clinica dimostrativi, da sostituire.</p>
          ) : null}
          <ul className="site-footer__links">
            <li>
              <Link href="/privacy">Privacy</Link>
            </li>
            <li>
              <Link href="/cookie">Cookie</Link>
            </li>
            <li>
              <Link href="/prenota" prefetch={false}>
                Prenota una visita
              </Link>
            </li>
          </ul>
          <p>
            © {year} {name}
          </p>
        </div>
      </div>
    </footer>
  )
}
