import { describe, expect, it } from '@jest/globals'
import { render } from '@testing-library/react'

import { mockAdminRuntime, setForm } from './payload-ui-mock'

mockAdminRuntime()
const { ReviewStatusCell } = await import('@/components/admin/ReviewStatusCell')
const { ReviewStatusField } = await import('@/components/admin/ReviewStatusField.client')

// Noon in Rome on 15 March 2026.
const now = new Date('2026-03-15T11:00:00Z')

const badge = (container: HTMLElement) => {
  const element = container.querySelector('span')
  return [element?.textContent, element?.className]
}

describe('ReviewStatusCell', () => {
  it('shows a review of exactly 12 months ago as valid until today', () => {
    const { container } = render(
      <ReviewStatusCell rowData={{ lastReviewedAt: '2025-03-15T09:00:00.000Z' }} now={now} />,
    )
    expect(badge(container)).toEqual(['✓Valida fino al 15 marzo 2026', 'badge valid'])
  })

  it('shows a review of 12 months and 1 day ago as expired', () => {
    const { container } = render(
      <ReviewStatusCell rowData={{ lastReviewedAt: '2025-03-14T09:00:00.000Z' }} now={now} />,
    )
    expect(badge(container)).toEqual(['⚠Scaduta', 'badge expired'])
  })

  it.each([null, undefined, 42])('shows a missing review date (%j) as expired', (value) => {
    const { container } = render(<ReviewStatusCell rowData={{ lastReviewedAt: value }} now={now} />)
    expect(badge(container)).toEqual(['⚠Scaduta', 'badge expired'])
  })

  it('hides the symbol from screen readers: the words carry the meaning', () => {
    const { container } = render(<ReviewStatusCell rowData={{}} now={now} />)
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('⚠')
  })
})

describe('ReviewStatusField', () => {
  const today = new Date().toISOString()

  it('explains an expired review at the top of the sidebar', () => {
    setForm({ lastReviewedAt: null })
    const { container } = render(<ReviewStatusField />)
    expect([...container.querySelectorAll('span, p')].map((e) => e.textContent)).toEqual([
      '⚠Revisione medica scaduta',
      '⚠',
      'Manca la data dell’ultima revisione o sono passati più di 12 mesi: l’articolo va rivisto da un medico.',
    ])
  })

  it('follows the review date in the form, also as a Date from the picker', () => {
    setForm({ lastReviewedAt: new Date(today) })
    const { container } = render(<ReviewStatusField />)
    expect(container.querySelector('span')?.textContent).toMatch(
      /^✓Revisione medica valida fino al \d{1,2} \p{L}+ \d{4}$/u,
    )
    expect(container.querySelector('p')).toBeNull()
  })
})
