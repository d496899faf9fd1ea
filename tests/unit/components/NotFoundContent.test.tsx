import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { NotFoundContent } from '@/components/NotFoundContent'

describe('NotFoundContent', () => {
  it('shows the Italian heading and a link back to the home page', () => {
    render(<NotFoundContent />)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pagina non trovata')
    expect(
      screen.getByText('La pagina che cerchi non esiste o non è più disponibile.'),
    ).toBeInTheDocument()
    const links = screen.getAllByRole('link')
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAttribute('href', '/')
    expect(links[0]?.textContent).toBe('Torna alla pagina iniziale')
  })
})
