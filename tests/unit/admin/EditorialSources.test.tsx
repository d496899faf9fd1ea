import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { MISSING_SOURCES_MESSAGE } from '@/lib/editorial'

import { mockAdminRuntime, mockFetch, setForm } from './payload-ui-mock'

mockAdminRuntime()
const { EditorialPanel } = await import('@/components/admin/EditorialPanel.client')
const { fetchMock, reply } = mockFetch()

const sourcesLine = () =>
  screen.getByRole('heading', { level: 3, name: 'Fonti' }).nextElementSibling

describe('EditorialPanel: sources of medical articles', () => {
  it('warns when an article in a medical category lists no sources', async () => {
    setForm({ categories: ['cat-1', 'cat-2'], references: 0 })
    reply(200, { totalDocs: 1 })
    render(<EditorialPanel />)
    expect(await screen.findByText(MISSING_SOURCES_MESSAGE)).toBeInTheDocument()
    expect(sourcesLine()?.textContent).toBe(`! Da migliorare: ${MISSING_SOURCES_MESSAGE}`)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const url = decodeURIComponent(String(fetchMock.mock.calls[0]?.[0]))
    expect(url).toBe(
      '/api/categories?where[and][0][id][in][0]=cat-1&where[and][0][id][in][1]=cat-2&where[and][1][medical][equals]=true&limit=1&depth=0',
    )
  })

  it('counts the sources of a medical article', async () => {
    setForm({ categories: ['cat-1'], references: 2 })
    reply(200, { totalDocs: 1 })
    render(<EditorialPanel />)
    expect(await screen.findByText('Fonti indicate: 2.')).toBeInTheDocument()
    expect(sourcesLine()?.textContent).toBe('✓ OK: Fonti indicate: 2.')
  })

  it('says nothing about sources outside medical categories', async () => {
    setForm({ categories: ['cat-3'], references: 0 })
    reply(200, { totalDocs: 0 })
    render(<EditorialPanel />)
    await screen.findByRole('heading', { level: 3, name: 'SEO' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('heading', { level: 3, name: 'Fonti' })).toBeNull()
  })

  it('asks nothing when the article has no category', () => {
    setForm({ references: 0 })
    render(<EditorialPanel />)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(screen.queryByRole('heading', { level: 3, name: 'Fonti' })).toBeNull()
  })
})
