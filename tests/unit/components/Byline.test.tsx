import { describe, expect, it } from '@jest/globals'
import { render } from '@testing-library/react'

import { Byline } from '@/components/Byline'
import type { Author } from '@/payload-types'

const author = (fields: Partial<Author> & Pick<Author, 'id' | 'name'>): Author => ({
  slug: fields.name.toLowerCase().replace(/[^a-z]+/g, '-'),
  updatedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  ...fields,
})

const ferri = author({
  id: 'author-ferri',
  honorific: 'Dott.',
  name: 'Marco Ferri',
  specialty: 'Ortopedia e traumatologia',
})
const neri = author({
  id: 'author-neri',
  honorific: 'Dott.ssa',
  name: 'Giulia Neri',
  specialty: 'Fisiatria',
})

const part = (container: HTMLElement, selector: string) =>
  container.querySelector<HTMLElement>(selector)
const times = (element: HTMLElement | null) =>
  Array.from(element?.querySelectorAll('time') ?? [], (time) => [
    time.getAttribute('dateTime'),
    time.textContent,
  ])

describe('Byline', () => {
  it('names the author with honorific and specialty', () => {
    const { container } = render(<Byline author={ferri} reviewer={null} />)
    const line = part(container, '.byline__author')
    expect(line?.textContent).toBe('Di Dott. Marco Ferri, Ortopedia e traumatologia')
    expect(line?.querySelector('strong')?.textContent).toBe('Dott. Marco Ferri')
  })

  it('leaves out the specialty and honorific when missing', () => {
    const { container } = render(
      <Byline author={author({ id: 'author-bianchi', name: 'Luca Bianchi' })} reviewer={null} />,
    )
    expect(part(container, '.byline__author')?.textContent).toBe('Di Luca Bianchi')
  })

  it('shows the medical review with reviewer and Italian date', () => {
    const { container } = render(
      <Byline author={ferri} reviewer={neri} lastReviewedAt="2026-03-05T10:00:00Z" />,
    )
    const line = part(container, '.byline__review')
    expect(line?.textContent).toBe('Revisione medica: Dott.ssa Giulia Neri il 5 marzo 2026')
    expect(line?.querySelector('strong')?.textContent).toBe('Dott.ssa Giulia Neri')
    expect(times(line)).toEqual([['2026-03-05T10:00:00Z', '5 marzo 2026']])
  })

  it('uses the Rome calendar day for the review date', () => {
    const { container } = render(
      <Byline author={null} reviewer={neri} lastReviewedAt="2026-12-31T23:30:00Z" />,
    )
    expect(times(part(container, '.byline__review'))).toEqual([
      ['2026-12-31T23:30:00Z', '1 gennaio 2027'],
    ])
  })

  it.each([[undefined], [null], ['non valida']])(
    'shows the reviewer without a date when lastReviewedAt is %j',
    (lastReviewedAt) => {
      const { container } = render(
        <Byline author={ferri} reviewer={neri} lastReviewedAt={lastReviewedAt} />,
      )
      const line = part(container, '.byline__review')
      expect(line?.textContent).toBe('Revisione medica: Dott.ssa Giulia Neri')
      expect(line?.querySelector('time')).toBeNull()
    },
  )

  it('renders no author or review line when both are missing', () => {
    const { container } = render(
      <Byline
        author={null}
        reviewer={null}
        lastReviewedAt="2026-03-05T10:00:00Z"
        publishedAt="2026-02-01T09:00:00Z"
      />,
    )
    expect(part(container, '.byline__author')).toBeNull()
    expect(part(container, '.byline__review')).toBeNull()
    expect(container.textContent).toBe('Pubblicato il 1 febbraio 2026')
  })

  it('shows the published date with a machine-readable <time>', () => {
    const { container } = render(
      <Byline author={ferri} reviewer={null} publishedAt="2026-02-01T09:00:00Z" />,
    )
    const dates = part(container, '.byline__dates')
    expect(dates?.textContent).toBe('Pubblicato il 1 febbraio 2026')
    expect(times(dates)).toEqual([['2026-02-01T09:00:00Z', '1 febbraio 2026']])
  })

  it('shows the update date when it falls on a later day', () => {
    const { container } = render(
      <Byline
        author={ferri}
        reviewer={null}
        publishedAt="2026-02-01T09:00:00Z"
        updatedAt="2026-03-05T10:00:00Z"
      />,
    )
    const dates = part(container, '.byline__dates')
    expect(dates?.textContent).toBe('Pubblicato il 1 febbraio 2026 · Aggiornato il 5 marzo 2026')
    expect(times(dates)).toEqual([
      ['2026-02-01T09:00:00Z', '1 febbraio 2026'],
      ['2026-03-05T10:00:00Z', '5 marzo 2026'],
    ])
  })

  it('hides the update date on the same calendar day in Rome', () => {
    const { container } = render(
      <Byline
        author={ferri}
        reviewer={null}
        publishedAt="2026-02-01T00:30:00+01:00"
        updatedAt="2026-02-01T22:30:00Z"
      />,
    )
    const dates = part(container, '.byline__dates')
    expect(dates?.textContent).toBe('Pubblicato il 1 febbraio 2026')
    expect(dates?.querySelectorAll('time')).toHaveLength(1)
  })

  it('shows the update date when it is the next day in Rome though the same day in UTC', () => {
    const { container } = render(
      <Byline
        author={ferri}
        reviewer={null}
        publishedAt="2026-02-01T10:00:00Z"
        updatedAt="2026-02-01T23:30:00Z"
      />,
    )
    expect(part(container, '.byline__dates')?.textContent).toBe(
      'Pubblicato il 1 febbraio 2026 · Aggiornato il 2 febbraio 2026',
    )
  })

  it('shows only the update date, without a leading separator, when there is no published date', () => {
    const { container } = render(
      <Byline author={ferri} reviewer={null} updatedAt="2026-03-05T10:00:00Z" />,
    )
    const dates = part(container, '.byline__dates')
    expect(dates?.textContent).toBe('Aggiornato il 5 marzo 2026')
    expect(times(dates)).toEqual([['2026-03-05T10:00:00Z', '5 marzo 2026']])
  })

  it('ignores invalid dates', () => {
    const { container } = render(
      <Byline author={ferri} reviewer={null} publishedAt="ieri" updatedAt="" />,
    )
    // No valid date and no reading time: no empty dates paragraph at all.
    expect(part(container, '.byline__dates')).toBeNull()
    expect(container.querySelector('time')).toBeNull()
  })

  it('links author and reviewer to their pages and shows the reading time', () => {
    const { container } = render(
      <Byline
        author={ferri}
        reviewer={ferri}
        publishedAt="2026-03-05T10:00:00Z"
        readingTime="3 minuti di lettura"
      />,
    )
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(links).toEqual(['/autori/marco-ferri', '/autori/marco-ferri'])
    expect(part(container, '.byline__dates')?.textContent).toBe(
      'Pubblicato il 5 marzo 2026 · 3 minuti di lettura',
    )
  })
})
