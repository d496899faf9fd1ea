import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it, jest } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { searchDocuments } from '@/lib/search/search'

// No CSS loader under Jest, and no database: the page's data source searches fixtures.
jest.unstable_mockModule('@/components/search/search.module.css', () => ({
  default: new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? name : undefined) }),
}))
const searched: unknown[] = []
jest.unstable_mockModule('@/lib/queries/search', () => ({
  searchPublishedPosts: async (query: string | readonly string[]) => {
    searched.push(query)
    return searchDocuments(
      [
        {
          id: 'post-osteotomie',
          title: 'Le osteotomie correttive',
          slug: 'le-osteotomie-correttive',
          excerpt: 'Come si eseguono.',
          body: 'Il grado di invasività si è ridotto.',
          publishedAt: '2026-03-05T10:00:00.000Z',
        },
      ],
      query,
    )
  },
}))

const { default: SearchPage, generateMetadata } = await import('@/app/(frontend)/cerca/page')

const params = (q?: string | string[]) => ({
  searchParams: Promise.resolve(q === undefined ? {} : { q }),
})

describe('/cerca page', () => {
  it('is a server component: no client directive, no raw HTML', () => {
    for (const file of [
      'app/(frontend)/cerca/page.tsx',
      'components/search/SearchForm.tsx',
      'components/search/SearchResults.tsx',
      'components/search/Snippet.tsx',
    ]) {
      const source = readFileSync(path.join(process.cwd(), file), 'utf8')
      expect(source).not.toMatch(/['"]use client['"]/)
      expect(source).not.toContain('dangerouslySetInnerHTML')
    }
  })

  it('has one h1, the search form pre-filled and the highlighted results', async () => {
    searched.length = 0
    render(await SearchPage(params(['  invasivita ', 'altro'])))
    expect(searched).toEqual([['invasivita']])
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([
      'Cerca nel blog',
    ])
    // Named, so it stays distinct from the header's search landmark.
    const form = screen.getByRole('search', { name: 'Cerca nel blog' })
    expect(within(form).getByRole('searchbox', { name: 'Cerca negli articoli' })).toHaveValue(
      'invasivita',
    )
    expect(screen.getByRole('status')).toHaveTextContent('1 articolo trovato per “invasivita”')
    const article = screen.getByRole('article')
    expect(within(article).getByRole('link', { name: 'Le osteotomie correttive' })).toHaveAttribute(
      'href',
      '/blog/le-osteotomie-correttive',
    )
    expect(article.querySelector('mark')?.textContent).toBe('invasività')
  })

  it('invites to search without querying when empty', async () => {
    searched.length = 0
    render(await SearchPage(params()))
    expect(searched).toEqual([])
    expect(screen.getByRole('searchbox')).toHaveValue('')
    expect(screen.getByText(/Scrivi una o più parole/)).toBeInTheDocument()
  })

  it('explains a query that is too long, without searching', async () => {
    searched.length = 0
    render(await SearchPage(params('z'.repeat(120))))
    expect(searched).toEqual([])
    expect(screen.getByRole('status')).toHaveTextContent(
      'La ricerca è troppo lunga: usa al massimo 100 caratteri.',
    )
    expect(screen.getByRole('searchbox')).toHaveValue('z'.repeat(100))
  })

  it('is noindex, canonical /cerca, titled after the query', async () => {
    expect(await generateMetadata(params())).toMatchObject({
      title: 'Cerca',
      alternates: { canonical: '/cerca' },
      robots: { index: false, follow: true },
    })
    const metadata = await generateMetadata(params(' alluce '))
    expect(metadata.title).toBe('Risultati per “alluce”')
    expect(metadata.description).toEqual(expect.any(String))
    expect(metadata.robots).toEqual({ index: false, follow: true })
    expect((await generateMetadata(params('z'.repeat(101)))).title).toBe('Cerca')
  })
})
