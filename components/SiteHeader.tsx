import Image from 'next/image'
import Link from 'next/link'

import type { Clinic, Media } from '@/payload-types'
import { HeaderSearch } from '@/components/HeaderSearch'
import { clinicName } from '@/lib/clinic'
import { getEnv } from '@/lib/env'
import { sitePath } from '@/lib/paths'
import { populated } from '@/lib/people'

/** The logo's height in CSS pixels; its width follows the file's proportions. */
export const LOGO_HEIGHT = 44

/**
 * The site header: the clinic's logo and name (home link), navigation and search.
 *
 * The logo carries the clinic's name as its text alternative and the name printed beside it is
 * hidden from assistive technology, so the home link has one accessible name, said once.
 * Without a logo the printed name is the link's text.
 */
export function SiteHeader({ clinic }: { clinic: Clinic }) {
  const name = clinicName(clinic)
  const logo = populated<Media>(clinic.logo)
  const showLogo = Boolean(
    logo?.url && logo.width && logo.height && logo.mimeType?.startsWith('image/'),
  )
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {showLogo && logo?.url && logo.width && logo.height ? (
            <Image
              src={sitePath(logo.url, getEnv().siteUrl)}
              alt={name}
              width={Math.round((LOGO_HEIGHT * logo.width) / logo.height)}
              height={LOGO_HEIGHT}
              loading="eager"
              className="site-header__logo"
            />
          ) : null}
          <span aria-hidden={showLogo ? true : undefined}>{name}</span>
        </Link>
        <nav aria-label="Principale" className="site-header__nav">
          <ul className="site-nav">
            <li>
              <Link href="/blog">Articoli</Link>
            </li>
            <li>
              <Link href="/prenota" prefetch={false}>
                Prenota una visita
              </Link>
            </li>
          </ul>
        </nav>
        <HeaderSearch />
      </div>
    </header>
  )
}
