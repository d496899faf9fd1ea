import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { editorialReport, type EditorialReport } from '@/lib/editorial'
import { articleBlocksToLexical } from '@/lib/text-import'

import { mockAdminRuntime } from './payload-ui-mock'

mockAdminRuntime()
const { EditorialReportView } = await import('@/components/admin/EditorialReportView')

const report: EditorialReport = {
  words: 1234,
  sentences: 67,
  readingMinutes: 7,
  averageSentenceLength: 18.4,
  gulpease: { score: 47, band: 'superiore', label: 'facile per chi ha un diploma superiore' },
  seo: [
    {
      id: 'meta-title-length',
      ok: true,
      message: 'Il meta title ha una lunghezza corretta: 55 caratteri.',
    },
    {
      id: 'keyphrase-slug',
      ok: false,
      message: 'Lo slug non contiene la frase chiave (alluce-valgo).',
    },
  ],
  claims: [
    {
      phrase: 'garantito',
      index: 40,
      excerpt: '…che il risultato è garantito per tutti i pazienti…',
    },
  ],
  review: { expired: true, label: 'scaduta' },
}

const section = (name: string) => {
  const heading = screen.getByRole('heading', { level: 3, name })
  const parts: string[] = []
  for (let node = heading.nextElementSibling; node && node.tagName !== 'H3';) {
    parts.push(node.textContent ?? '')
    node = node.nextElementSibling
  }
  return parts
}

describe('EditorialReportView', () => {
  it('is a labelled region with one heading per group of checks', () => {
    render(<EditorialReportView report={report} />)
    expect(screen.getByRole('region', { name: 'Controlli editoriali' })).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Revisione medica',
      'Testo',
      'Leggibilità (indice Gulpease)',
      'SEO',
      'Affermazioni da verificare',
    ])
  })

  it('shows the text statistics with Italian number formats', () => {
    const { container } = render(<EditorialReportView report={report} />)
    const pairs = [...container.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ])
    expect(pairs).toEqual([
      ['Parole', '1234'],
      ['Tempo di lettura', '7 minuti'],
      ['Lunghezza media delle frasi', '18,4 parole'],
    ])
  })

  it('shows the Gulpease score and its band in plain Italian, with advice when hard', () => {
    render(<EditorialReportView report={report} />)
    expect(section('Leggibilità (indice Gulpease)')).toEqual([
      '47 su 100: facile per chi ha un diploma superiore.',
      'Per i pazienti conviene semplificare: frasi più brevi e parole più comuni alzano il punteggio.',
    ])
  })

  it('marks each SEO check with a word and a symbol, not colour alone', () => {
    render(<EditorialReportView report={report} />)
    expect(section('SEO')[0]).toBe('Controlli superati: 1 su 2.')
    const checks = screen.getAllByRole('listitem').slice(0, 2)
    expect(checks.map((li) => [li.textContent, li.className])).toEqual([
      ['✓ OK: Il meta title ha una lunghezza corretta: 55 caratteri.', 'ok'],
      ['! Da migliorare: Lo slug non contiene la frase chiave (alluce-valgo).', 'warning'],
    ])
    expect(checks[0]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓')
  })

  it('lists each claim with its wording highlighted in its context', () => {
    render(<EditorialReportView report={report} />)
    const claims = section('Affermazioni da verificare')
    expect(claims[0]).toMatch(/^1 espressione da rivedere: /)
    const item = screen.getAllByRole('listitem')[2]
    expect(item?.textContent).toBe(
      '«garantito» in: …che il risultato è garantito per tutti i pazienti…',
    )
    expect(item?.querySelector('mark')?.textContent).toBe('garantito')
  })

  it('shows the expired medical review badge', () => {
    render(<EditorialReportView report={report} />)
    expect(section('Revisione medica')).toEqual(['⚠Revisione medica scaduta'])
  })

  it('shows a valid medical review with its end date', () => {
    render(
      <EditorialReportView
        report={{ ...report, review: { expired: false, label: 'valida fino al 1 giugno 2026' } }}
      />,
    )
    expect(section('Revisione medica')).toEqual(['✓Revisione medica valida fino al 1 giugno 2026'])
  })

  it('guides the editor on an empty post instead of showing zeros', () => {
    render(<EditorialReportView report={editorialReport({ content: null })} />)
    expect(section('Testo')).toEqual(['Parole0Tempo di lettura–Lunghezza media delle frasi–'])
    expect(section('Leggibilità (indice Gulpease)')).toEqual([
      'Scrivi il testo per calcolare la leggibilità.',
    ])
    expect(section('Affermazioni da verificare')).toEqual([
      'Nessuna espressione vietata o ingannevole trovata.',
    ])
  })

  it('renders a real report: claims found in the body, in text order', () => {
    const content = articleBlocksToLexical([
      { type: 'paragraph', text: 'L’intervento all’alluce valgo dura meno di un’ora.' },
      { type: 'paragraph', text: 'Il risultato è garantito e il recupero è senza dolore.' },
    ])
    render(<EditorialReportView report={editorialReport({ content })} />)
    const marks = screen.getAllByRole('listitem').flatMap((li) => {
      const mark = li.querySelector('mark')
      return mark ? [mark.textContent] : []
    })
    expect(marks).toEqual(['garantito', 'senza dolore'])
    expect(section('Affermazioni da verificare')[0]).toMatch(/^2 espressioni da rivedere: /)
  })
})
