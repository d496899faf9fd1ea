import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { SiteFooter } from '@/components/SiteFooter'
import type { Author, Clinic } from '@/payload-types'

const director: Author = {
  id: 'author-ferri',
  honorific: 'Dott.',
  name: 'Marco Ferri',
  slug: 'marco-ferri',
  ordineProvince: 'Milano',
  ordineNumber: '12345',
  updatedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
}

const clinic: Clinic = {
  id: 'clinic',
  isDemo: false,
  name: 'Clinica del Piede Milano',
  legalName: 'Clinica del Piede S.r.l.',
  vatNumber: '01234567890',
  address: {
    street: 'Via Roma 1',
    postalCode: '20121',
    city: 'Milano',
    province: 'MI',
    country: 'Italia',
  },
  phone: '+39 02 1234 5678',
  email: 'info@clinicadelpiede.example',
  openingHours: [
    { id: 'a', days: 'Lunedì–Venerdì', hours: '8:30–19:00' },
    { id: 'b', days: 'Sabato', hours: '9:00–13:00' },
  ],
  medicalDirector: director,
}

const renderFooter = (overrides: Partial<Clinic> = {}) =>
  render(<SiteFooter clinic={{ ...clinic, ...overrides }} />).container

describe('SiteFooter', () => {
  it('shows the legal name, address and VAT number', () => {
    const container = renderFooter()
    expect(container.querySelector('.site-footer__name')?.textContent).toBe(
      'Clinica del Piede S.r.l.',
    )
    expect(container.querySelector('address')?.innerHTML).toBe('Via Roma 1<br>20121 Milano (MI)')
    expect(screen.getByText('P.IVA 01234567890')).toBeInTheDocument()
  })

  it('links the phone with digits only and the e-mail with mailto', () => {
    renderFooter()
    expect(screen.getByRole('link', { name: '+39 02 1234 5678' })).toHaveAttribute(
      'href',
      'tel:+390212345678',
    )
    expect(screen.getByRole('link', { name: 'info@clinicadelpiede.example' })).toHaveAttribute(
      'href',
      'mailto:info@clinicadelpiede.example',
    )
  })

  it('strips punctuation from the tel: link', () => {
    renderFooter({ phone: '(02) 1234-5678' })
    expect(screen.getByRole('link', { name: '(02) 1234-5678' })).toHaveAttribute(
      'href',
      'tel:0212345678',
    )
  })

  it('lists the opening hours', () => {
    const container = renderFooter()
    const pairs = Array.from(container.querySelectorAll('.site-footer__hours > div'), (row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ])
    expect(pairs).toEqual([
      ['Lunedì–Venerdì', '8:30–19:00'],
      ['Sabato', '9:00–13:00'],
    ])
  })

  it('names the medical director with Ordine province and number', () => {
    renderFooter()
    expect(
      screen.getByText(
        'Direttore sanitario: Dott. Marco Ferri, iscritto all’Ordine dei Medici di Milano n. 12345',
      ),
    ).toBeInTheDocument()
  })

  it('names the medical director without registration when it is incomplete', () => {
    const container = renderFooter({ medicalDirector: { ...director, ordineNumber: null } })
    expect(screen.getByText('Direttore sanitario: Dott. Marco Ferri')).toBeInTheDocument()
    expect(container.textContent).not.toContain('Ordine dei Medici')
  })

  it.each([
    ['an unpopulated id', director.id],
    ['null', null],
    ['undefined', undefined],
  ])('omits the medical director when it is %s', (_label, medicalDirector) => {
    const container = renderFooter({ medicalDirector })
    expect(container.textContent).not.toContain('Direttore sanitario')
  })

  it('shows the demo notice only when isDemo is true', () => {
    const demo = 'Dati della clinica dimostrativi, da sostituire.'
    expect(renderFooter({ isDemo: true }).querySelector('.site-footer__demo')?.textContent).toBe(
      demo,
    )
    for (const isDemo of [false, null, undefined]) {
      const container = renderFooter({ isDemo })
      expect(container.querySelector('.site-footer__demo')).toBeNull()
      expect(container.textContent).not.toContain(demo)
    }
  })

  it('shows the copyright line with the current year and the clinic name', () => {
    renderFooter()
    expect(
      screen.getByText(`© ${new Date().getFullYear()} Clinica del Piede Milano`),
    ).toBeInTheDocument()
  })

  it('falls back to the clinic name, then the default name, and skips missing details', () => {
    const container = render(
      <SiteFooter clinic={{ id: 'clinic', name: '  ', address: { city: 'Milano' } }} />,
    ).container
    expect(container.querySelector('.site-footer__name')?.textContent).toBe('Clinica del Piede')
    expect(container.querySelector('address')).toBeNull()
    // No contact links without contacts: only the site's own pages remain.
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/privacy',
      '/cookie',
      '/prenota',
    ])
    expect(container.querySelector('dl')).toBeNull()
    expect(container.textContent).not.toContain('P.IVA')
    expect(screen.getByText(`© ${new Date().getFullYear()} Clinica del Piede`)).toBeInTheDocument()

    const withName = renderFooter({ legalName: null })
    expect(withName.querySelector('.site-footer__name')?.textContent).toBe(
      'Clinica del Piede Milano',
    )
  })
})
