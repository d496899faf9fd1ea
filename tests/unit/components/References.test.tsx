import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { References } from '@/components/article/References'

const paper = {
  id: 'r1',
  authors: 'Rossi M, Bianchi L, et al.',
  title: 'Percutaneous distal metatarsal osteotomy for hallux valgus',
  publisher: 'Foot Ankle Surg',
  year: 2019,
  doi: '10.1016/j.fas.2019.01.001',
  pmid: '31234567',
  url: null,
}

const guideline = {
  id: 'r2',
  authors: null,
  title: 'Linee guida sull’alluce valgo',
  publisher: 'SIOT',
  year: null,
  doi: null,
  pmid: null,
  url: 'https://www.siot.example/linee-guida',
}

describe('References', () => {
  it('renders the sources as a numbered list under the "Fonti" heading', () => {
    render(<References items={[paper, guideline]} />)
    const section = screen.getByRole('region', { name: 'Fonti' })
    const list = within(section).getByRole('list')
    expect(list.tagName).toBe('OL')
    const items = within(list).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Rossi M, Bianchi L, et al. Percutaneous distal metatarsal osteotomy for hallux valgus. Foot Ankle Surg, 2019. DOI: 10.1016/j.fas.2019.01.001 · PubMed: 31234567',
      'Linee guida sull’alluce valgo. SIOT. siot.example',
    ])
    expect(items[0]?.querySelector('cite')?.textContent).toBe(
      'Percutaneous distal metatarsal osteotomy for hallux valgus',
    )
  })

  it('links DOI, PubMed and web addresses as external links', () => {
    render(<References items={[paper, guideline]} />)
    const doi = screen.getByRole('link', { name: 'DOI: 10.1016/j.fas.2019.01.001' })
    expect(doi).toHaveAttribute('href', 'https://doi.org/10.1016/j.fas.2019.01.001')
    expect(screen.getByRole('link', { name: 'PubMed: 31234567' })).toHaveAttribute(
      'href',
      'https://pubmed.ncbi.nlm.nih.gov/31234567/',
    )
    expect(screen.getByRole('link', { name: 'siot.example' })).toHaveAttribute(
      'href',
      'https://www.siot.example/linee-guida',
    )
    for (const link of screen.getAllByRole('link')) {
      expect(link).toHaveAttribute('rel', 'external noopener noreferrer')
      expect(link).not.toHaveAttribute('target')
    }
  })

  it('links nothing unsafe or malformed, even when stored around validation', () => {
    render(
      <References
        items={[
          {
            id: 'bad',
            title: 'Fonte con valori non validi',
            doi: 'javascript:alert(1)',
            pmid: '12ab',
            url: 'javascript:alert(1)',
          },
          { id: 'data', title: 'Altra fonte', url: 'data:text/html,<script>1</script>' },
        ]}
      />,
    )
    expect(screen.queryAllByRole('link')).toHaveLength(0)
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Fonte con valori non validi.',
      'Altra fonte.',
    ])
  })

  it('accepts a DOI pasted as a link', () => {
    render(<References items={[{ id: 'x', title: 'T', doi: 'https://doi.org/10.1000/abc(1)' }]} />)
    expect(screen.getByRole('link', { name: 'DOI: 10.1000/abc(1)' })).toHaveAttribute(
      'href',
      'https://doi.org/10.1000/abc(1)',
    )
  })

  it('renders nothing without sources', () => {
    expect(render(<References items={[]} />).container.innerHTML).toBe('')
    expect(render(<References items={null} />).container.innerHTML).toBe('')
    expect(render(<References items={[{ id: 'e', title: '  ' }]} />).container.innerHTML).toBe('')
  })
})
