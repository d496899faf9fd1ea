import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { listQuery, mockAdminRuntime } from './payload-ui-mock'

mockAdminRuntime()
const { ExpiredReviewFilter } = await import('@/components/admin/ExpiredReviewFilter.client')

// Noon in Rome on 15 March 2026: reviews from midnight of 15 March 2025 (Rome) are valid.
const expiredWhere = {
  or: [
    { and: [{ lastReviewedAt: { exists: 'false' } }] },
    { and: [{ lastReviewedAt: { less_than: '2025-03-14T23:00:00.000Z' } }] },
  ],
}

beforeAll(() => {
  jest.useFakeTimers({ now: new Date('2026-03-15T11:00:00Z') })
})

afterAll(() => {
  jest.useRealTimers()
})

beforeEach(() => {
  listQuery.handleWhereChange.mockClear()
})

describe('ExpiredReviewFilter', () => {
  it('applies the expired-review filter to the list query (and so to the URL)', () => {
    listQuery.query = {}
    render(<ExpiredReviewFilter />)
    const toggle = screen.getByRole('button', { name: 'Revisione scaduta' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    fireEvent.click(toggle)
    expect(listQuery.handleWhereChange).toHaveBeenCalledWith(expiredWhere)
  })

  it('shows that the filter read back from the URL is active, and clears it', () => {
    listQuery.query = { where: JSON.parse(JSON.stringify(expiredWhere)) as unknown }
    render(<ExpiredReviewFilter />)
    expect(screen.getByRole('button', { name: 'Revisione scaduta' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(screen.getByRole('group', { name: 'Filtro sulla revisione medica' })).toHaveTextContent(
      'Filtro attivo: articoli senza revisione medica o con l’ultima revisione di oltre 12 mesi fa.',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Mostra tutti' }))
    expect(listQuery.handleWhereChange).toHaveBeenCalledWith({})
  })

  it('replaces another filter instead of showing it as active', () => {
    listQuery.query = { where: { or: [{ and: [{ title: { like: 'alluce' } }] }] } }
    render(<ExpiredReviewFilter />)
    expect(screen.queryByRole('button', { name: 'Mostra tutti' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Revisione scaduta' }))
    expect(listQuery.handleWhereChange).toHaveBeenCalledWith(expiredWhere)
  })
})
