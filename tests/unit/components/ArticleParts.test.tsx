import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { Faq } from '@/components/article/Faq'
import { ProcedureFacts } from '@/components/article/ProcedureFacts'
import { TableOfContents } from '@/components/article/TableOfContents'

describe('Faq', () => {
  it('renders each question as a closed native disclosure widget under one h2', () => {
    const { container } = render(
      <Faq
        items={[
          {
            id: 'a',
            question: 'Vengono inserite viti?',
            answer: 'No, nessun mezzo di sintesi metallico.',
          },
          { id: 'b', question: 'Quando si appoggia il piede?', answer: 'Subito.' },
        ]}
      />,
    )
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Domande frequenti')
    const details = [...container.querySelectorAll('details')]
    expect(details).toHaveLength(2)
    expect(details.every((d) => !d.open)).toBe(true)
    expect(details.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      'Vengono inserite viti?',
      'Quando si appoggia il piede?',
    ])
    expect(details[0]?.querySelector('p')?.textContent).toBe(
      'No, nessun mezzo di sintesi metallico.',
    )
  })

  it('renders nothing without questions', () => {
    expect(render(<Faq items={[]} />).container.innerHTML).toBe('')
    expect(render(<Faq items={null} />).container.innerHTML).toBe('')
  })
})

describe('ProcedureFacts', () => {
  it('lists only the filled facts with Italian labels', () => {
    const { container } = render(
      <ProcedureFacts
        procedure={{
          name: 'Intervento mini invasivo',
          bodyLocation: 'Piede',
          howPerformed: 'Piccole incisioni.',
          preparation: ' ',
          followUp: null,
        }}
      />,
    )
    expect(container.querySelector('h2')?.textContent).toBe('In sintesi: Intervento mini invasivo')
    expect([...container.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Parte del corpo',
      'Come si esegue',
    ])
    expect([...container.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      'Piede',
      'Piccole incisioni.',
    ])
  })

  it('renders nothing when the editors left the procedure empty', () => {
    expect(
      render(<ProcedureFacts procedure={{ name: '', howPerformed: '' }} />).container.innerHTML,
    ).toBe('')
    expect(render(<ProcedureFacts procedure={undefined} />).container.innerHTML).toBe('')
  })
})

describe('TableOfContents', () => {
  it('links to each heading anchor, nesting h3 entries', () => {
    const { container } = render(
      <TableOfContents
        entries={[
          { id: 'cos-e', text: 'Cos’è', level: 2 },
          { id: 'vantaggi', text: 'Vantaggi', level: 3 },
        ]}
      />,
    )
    const links = [...container.querySelectorAll('a')]
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#cos-e', 'Cos’è'],
      ['#vantaggi', 'Vantaggi'],
    ])
    expect(container.querySelector('li.toc__sub')?.textContent).toBe('Vantaggi')
  })

  it('is omitted for articles with fewer than two headings', () => {
    expect(
      render(<TableOfContents entries={[{ id: 'a', text: 'A', level: 2 }]} />).container.innerHTML,
    ).toBe('')
  })
})
