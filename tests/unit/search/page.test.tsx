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
const fixtures = Array.from({ length: 12 }, (_, index) => ({
  id: `post-${index}`,
  title: index === 0 ? 'Le osteotomie correttive' : `Il tallone, parte ${index}`,
  slug: index === 0 ? 'le-osteotomie-correttive' : `il-tallone-${index}`,
  excerpt: 'Come si eseguono.',
  body: index === 0 ? 'Il grado di invasività si è ridotto.' : 'Il dolore al tallone.',
  publishedAt: '2026-03-05T10:00:00.000Z',
}))
jest.unstable_mockModule('@/lib/queries/search', () => ({
  searchPublishedPosts: async (terms: readonly string[], page?: number) => {
    searched.push([terms, page])
    return searchDocuments(fixtures, terms, page)
  },
}))

const { default: SearchPage, generateMetadata } = await import('@/app/(frontend)/cerca/page')

const params = (q?: string | string[], pagina?: string) => ({
  searchParams: Promise.resolve({
    ...(q === undefined ? {} : { q }),
    ...(pagina === undefined ? {} : { pagina }),
  }),
})

/** What Next's `notFound()` throws: the page answers 404 with cerca/not-found.tsx. */
const NOT_FOUND = { digest: expect.stringContaining('404') }

describe('/cerca page', () => {
  it('is a server component: no client directive, no raw HTML', () => {
    for (const file of [
      'app/(frontend)/cerca/page.tsx',
      'app/(frontend)/cerca/not-found.tsx',
      'components/search/SearchForm.tsx',
      'components/search/SearchPagination.tsx',
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
    expect(searched).toEqual([[['invasivita'], 1]])
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
    render(await SearchPage(params('z'.repeat(220))))
    expect(searched).toEqual([])
    expect(screen.getByRole('status')).toHaveTextContent(
      'La ricerca è troppo lunga: usa al massimo 200 caratteri.',
    )
    expect(screen.getByRole('searchbox')).toHaveValue('z'.repeat(200))
  })

  it('explains a query of punctuation only, without searching', async () => {
    searched.length = 0
    render(await SearchPage(params('?!… ’')))
    expect(searched).toEqual([])
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nella ricerca non c’è nessuna parola da cercare',
    )
  })

  it('shows the page asked for by `pagina`', async () => {
    searched.length = 0
    render(await SearchPage(params('tallone', '2')))
    expect(searched).toEqual([[['tallone'], 2]])
    expect(screen.getByRole('status')).toHaveTextContent('11 articoli trovati per “tallone”')
    expect(screen.getAllByRole('article')).toHaveLength(1)
    expect(screen.getByRole('navigation')).toHaveTextContent('Pagina 2 di 2')
  })

  it('answers 404 for a `pagina` that is not a page number, without searching', async () => {
    searched.length = 0
    for (const pagina of ['abc', '0', '-2', '1.5']) {
      await expect(SearchPage(params('tallone', pagina))).rejects.toMatchObject(NOT_FOUND)
    }
    expect(searched).toEqual([])
  })

  it('answers 404 past the last page of results, but shows page 1 of no results', async () => {
    await expect(SearchPage(params('tallone', '3'))).rejects.toMatchObject(NOT_FOUND)
    await expect(SearchPage(params('inesistente', '2'))).rejects.toMatchObject(NOT_FOUND)
    render(await SearchPage(params('inesistente', '1')))
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nessun articolo trovato per “inesistente”',
    )
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
    expect((await generateMetadata(params('z'.repeat(201)))).title).toBe('Cerca')
    expect((await generateMetadata(params('alluce', '3'))).title).toBe(
      'Risultati per “alluce” – pagina 3',
    )
    expect(await generateMetadata(params('alluce', 'abc'))).toEqual({
      title: 'Pagina dei risultati non trovata',
      robots: { index: false },
    })
  })
})
