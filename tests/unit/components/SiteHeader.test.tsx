import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import type { Clinic } from '@/payload-types'

import { mockNextImageInterop } from './next-image'

process.env.SITE_URL = 'http://localhost:3000'
process.env.PAYLOAD_SECRET = 'x'.repeat(32)

mockNextImageInterop()
const { LOGO_HEIGHT, SiteHeader } = await import('@/components/SiteHeader')

const logo = {
  id: 'm1',
  url: 'http://localhost:3000/api/media/file/logo-clinica.png',
  filename: 'logo-clinica.png',
  alt: 'Logo',
  width: 1024,
  height: 512,
  mimeType: 'image/png',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

const clinic = { id: 'c', name: 'Clinica Rossi', logo } as unknown as Clinic

describe('SiteHeader', () => {
  it('shows the logo with the clinic name as its alternative, and one accessible name', () => {
    const { container } = render(<SiteHeader clinic={clinic} />)
    const home = screen.getByRole('link', { name: 'Clinica Rossi' })
    expect(home).toHaveAttribute('href', '/')
    const img = within(home).getByRole('img')
    expect(img).toHaveAttribute('alt', 'Clinica Rossi')
    expect(img).toHaveAttribute('height', String(LOGO_HEIGHT))
    expect(img).toHaveAttribute('width', String(LOGO_HEIGHT * 2))
    expect(img).toHaveAttribute('loading', 'eager')
    expect(img.getAttribute('src')).toMatch(
      /^\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2Flogo-clinica\.png&/,
    )
    // The printed name beside it is hidden from assistive technology: not said twice.
    const printed = within(home).getByText('Clinica Rossi')
    expect(printed).toHaveAttribute('aria-hidden', 'true')
    expect(container.querySelectorAll('a[href="/"]')).toHaveLength(1)
  })

  it('uses the name as the link text without a logo, or with a logo that is not an image', () => {
    for (const without of [null, { ...logo, mimeType: 'application/pdf' }, 'm1']) {
      const { unmount } = render(
        <SiteHeader clinic={{ ...clinic, logo: without } as unknown as Clinic} />,
      )
      const home = screen.getByRole('link', { name: 'Clinica Rossi' })
      expect(within(home).queryByRole('img')).toBeNull()
      expect(within(home).getByText('Clinica Rossi')).not.toHaveAttribute('aria-hidden')
      unmount()
    }
  })

  it('keeps the navigation and the search form', () => {
    render(<SiteHeader clinic={clinic} />)
    const nav = screen.getByRole('navigation', { name: 'Principale' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/blog', '/prenota'])
    expect(screen.getByRole('search', { name: 'Cerca nel sito' })).toHaveAttribute(
      'action',
      '/cerca',
    )
  })
})
