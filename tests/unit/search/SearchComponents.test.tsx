import { describe, expect, it, jest } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import type { SearchQuery } from '@/lib/search/query'
import type { SearchOutcome } from '@/lib/search/search'

// Jest has no CSS loader: the components' CSS module is replaced by its class names.
jest.unstable_mockModule('@/components/search/search.module.css', () => ({
  default: new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? name : undefined) }),
}))

const { SearchForm } = await import('@/components/search/SearchForm')
const { SearchResults } = await import('@/components/search/SearchResults')
const { searchDocuments } = await import('@/lib/search/search')
const { parseSearchQuery } = await import('@/lib/search/query')
const { resultsMessage, searchPageTitle } = await import('@/lib/search/messages')

const docs = [
  {
    id: 'post-mini-invasivo',
    title: 'Cos’è l’intervento mini invasivo alluce valgo',
    slug: 'intervento-mini-invasivo-alluce-valgo',
    excerpt: 'Incisioni di pochi millimetri.',
    body: 'Attraverso di esse si procede a effettuare le osteotomie correttive.',
    publishedAt: '2026-03-05T10:00:00.000Z',
  },
  {
    id: 'post-osteotomie',
    title: 'Le osteotomie del piede',
    slug: 'le-osteotomie-del-piede',
    excerpt: null,
    body: 'Testo <script>alert(1)</script> sulle OSTEOTOMIE.',
    publishedAt: '2026-01-10T10:00:00.000Z',
  },
]

const renderResults = (q: string) => {
  const query: SearchQuery = parseSearchQuery(q)
  const outcome: SearchOutcome | null =
    query.kind === 'ok' ? searchDocuments(docs, query.terms) : null
  return render(<SearchResults query={query} outcome={outcome} />)
}

describe('SearchForm', () => {
  it('is a labelled GET search form to /cerca, pre-filled', () => {
    render(<SearchForm defaultValue="alluce valgo" />)
    const form = screen.getByRole('search')
    expect(form).toHaveAttribute('action', '/cerca')
    expect(form).toHaveAttribute('method', 'get')
    const input = within(form).getByRole('searchbox', { name: 'Cerca negli articoli' })
    expect(input).toHaveAttribute('type', 'search')
    expect(input).toHaveAttribute('name', 'q')
    expect(input).toHaveAttribute('maxLength', '200')
    expect(input).toHaveValue('alluce valgo')
    expect(form.querySelector('label')).toHaveAttribute('for', input.id)
    expect(within(form).getByRole('button', { name: 'Cerca' })).toHaveAttribute('type', 'submit')
  })

  it('can hide its label visually and take another id for the header', () => {
    render(<SearchForm id="cerca-header" hideLabel ariaLabel="Cerca nel sito" />)
    const form = screen.getByRole('search', { name: 'Cerca nel sito' })
    const input = within(form).getByLabelText('Cerca negli articoli')
    expect(input.id).toBe('cerca-header')
    expect(input).toHaveValue('')
    expect(form.querySelector('label')).toHaveClass('visually-hidden')
  })
})

describe('SearchResults', () => {
  it('announces the count and lists linked articles with date and highlighted snippet', () => {
    renderResults('osteotomie')
    expect(screen.getByRole('status')).toHaveTextContent('2 articoli trovati per “osteotomie”')
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite')
    const articles = screen.getAllByRole('article')
    expect(articles).toHaveLength(2)
    // Title match first.
    const first = articles[0]!
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Le osteotomie del piede',
    )
    expect(within(first).getByRole('link')).toHaveAttribute('href', '/blog/le-osteotomie-del-piede')
    expect(first.querySelector('time')).toHaveAttribute('dateTime', '2026-01-10T10:00:00.000Z')
    expect(first.querySelector('time')?.textContent).toBe('10 gennaio 2026')
    expect(first.querySelector('mark')?.textContent).toBe('OSTEOTOMIE')
    expect(first.querySelector('script')).toBeNull()
    expect(first.textContent).toContain('Testo <script>alert(1)</script> sulle OSTEOTOMIE.')
    const second = articles[1]!
    expect(within(second).getByRole('link')).toHaveAttribute(
      'href',
      '/blog/intervento-mini-invasivo-alluce-valgo',
    )
    expect(second.querySelector('mark')?.textContent).toBe('osteotomie')
  })

  it('uses the singular for one result', () => {
    renderResults('  correttive ')
    expect(screen.getByRole('status')).toHaveTextContent('1 articolo trovato per “correttive”')
    expect(screen.getAllByRole('article')).toHaveLength(1)
  })

  it('says so, kindly, when nothing is found', () => {
    renderResults('tallone')
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nessun articolo trovato per “tallone”. Prova con un’altra parola.',
    )
    expect(screen.queryByRole('article')).toBeNull()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('invites to search when the query is empty', () => {
    renderResults('   ')
    expect(screen.queryByRole('status')).toBeNull()
    expect(screen.getByText(/Scrivi una o più parole/)).toBeInTheDocument()
  })

  it('explains a query that is too long', () => {
    renderResults('x'.repeat(201))
    expect(screen.getByRole('status')).toHaveTextContent(
      'La ricerca è troppo lunga: usa al massimo 200 caratteri.',
    )
    expect(screen.queryByRole('article')).toBeNull()
  })

  it('explains a query with no word to search for', () => {
    renderResults(' ?! … ’ ')
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nella ricerca non c’è nessuna parola da cercare: scrivi almeno una parola di due o più lettere.',
    )
    expect(screen.queryByRole('article')).toBeNull()
  })

  it('shows one page of 10 with the exact total and links to the next and previous pages', () => {
    const many = Array.from({ length: 23 }, (_, index) => ({
      id: `post-${index}`,
      title: `Articolo ${index} sul piede`,
      slug: `articolo-${index}`,
      excerpt: null,
      body: 'Testo sul tallone.',
      // Newer for higher numbers: the newest come first among equal matches.
      publishedAt: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
    }))
    const query = parseSearchQuery('tallone')
    const second = searchDocuments(many, 'tallone', 2)
    expect(second).toMatchObject({ total: 23, page: 2, pageCount: 3 })
    render(<SearchResults query={query} outcome={second} />)
    expect(screen.getByRole('status')).toHaveTextContent('23 articoli trovati per “tallone”')
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(titles).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((index) => `Articolo ${index} sul piede`),
    )
    expect(screen.getByRole('list')).toHaveAttribute('start', '11')
    const nav = screen.getByRole('navigation', { name: 'Pagine dei risultati' })
    expect(nav).toHaveTextContent('Pagina 2 di 3')
    expect(within(nav).getByRole('link', { name: '← Risultati precedenti' })).toHaveAttribute(
      'href',
      '/cerca?q=tallone',
    )
    expect(within(nav).getByRole('link', { name: 'Risultati successivi →' })).toHaveAttribute(
      'href',
      '/cerca?q=tallone&pagina=3',
    )
  })

  it('has no page links when the results fit on one page', () => {
    renderResults('osteotomie')
    expect(screen.queryByRole('navigation')).toBeNull()
  })
})

describe('messages', () => {
  it('are Italian, singular and plural', () => {
    expect(resultsMessage(2, 'osteotomie')).toBe('2 articoli trovati per “osteotomie”')
    expect(resultsMessage(1, 'alluce')).toBe('1 articolo trovato per “alluce”')
    expect(resultsMessage(0, 'x')).toBe(
      'Nessun articolo trovato per “x”. Prova con un’altra parola.',
    )
    expect(searchPageTitle()).toBe('Cerca')
    expect(searchPageTitle('alluce')).toBe('Risultati per “alluce”')
  })
})
