import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { DashboardPanel, waited } from '@/components/admin/DashboardPanel'

describe('DashboardPanel', () => {
  it('links each count for editors to its filtered list, with the oldest request’s wait', () => {
    render(
      <DashboardPanel
        data={{
          role: 'editor',
          newRequests: {
            count: 3,
            oldestCreatedAt: '2026-11-28T08:00:00.000Z',
            oldestAgeHours: 50,
            href: '/admin/collections/appointment-requests?where[status][equals]=nuova',
          },
          awaitingReview: { count: 2, href: '/a' },
          expiringReviews: { count: 1, href: '/b' },
          scheduled: [
            {
              postId: 'p1',
              title: 'Alluce valgo',
              type: 'publish',
              at: '2026-12-01T08:00:00.000Z',
              href: '/admin/collections/posts/p1',
            },
          ],
        }}
      />,
    )
    const region = screen.getByRole('region', { name: 'Da fare' })
    expect(
      within(region).getByRole('link', { name: '3 nuove richieste di appuntamento' }),
    ).toHaveProperty(
      'href',
      'http://localhost/admin/collections/appointment-requests?where[status][equals]=nuova',
    )
    expect(region.textContent).toContain('la più vecchia attende da 2 giorni')
    expect(
      within(region).getByRole('link', { name: '2 articoli in attesa di revisione medica' }),
    ).toBeTruthy()
    expect(
      within(region).getByRole('link', {
        name: '1 articolo pubblicato con la revisione medica scaduta o in scadenza entro 30 giorni',
      }),
    ).toBeTruthy()
    expect(within(region).getByRole('link', { name: 'Alluce valgo' })).toHaveProperty(
      'href',
      'http://localhost/admin/collections/posts/p1',
    )
    expect(region.textContent).toContain('pubblicazione di Alluce valgo')
  })

  it('shows authors only their drafts and requests', () => {
    render(
      <DashboardPanel
        data={{
          role: 'author',
          myDrafts: { count: 4, href: '/d' },
          awaitingReview: { count: 1, href: '/r' },
        }}
      />,
    )
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual([
      '4 tue bozze',
      '1 tuo articolo in attesa di revisione medica',
    ])
    expect(screen.queryByText('Pubblicazioni programmate')).toBeNull()
  })

  it('words waiting times in Italian', () => {
    expect([waited(0), waited(1), waited(5), waited(49)]).toEqual([
      'meno di un’ora',
      '1 ora',
      '5 ore',
      '2 giorni',
    ])
  })

  it('shows admins the last backup, or that there is none', () => {
    const { rerender } = render(
      <DashboardPanel
        data={{ role: 'admin' }}
        backup={{ at: '2026-11-30T01:30:00.000Z', size: 13_002_342 }}
      />,
    )
    const region = screen.getByRole('region', { name: 'Da fare' })
    expect(region.textContent).toContain('Ultimo backup: 30 nov 2026, 02:30 (12,4 MB)')
    rerender(<DashboardPanel data={{ role: 'admin' }} backup={null} />)
    expect(screen.getByRole('region', { name: 'Da fare' }).textContent).toContain(
      'Nessun backup ancora',
    )
    rerender(<DashboardPanel data={{ role: 'editor' }} />)
    expect(screen.getByRole('region', { name: 'Da fare' }).textContent).not.toContain('backup')
  })
})
