import { describe, expect, it } from '@jest/globals'

import { rankDocuments, type SearchableDocument } from '@/lib/search/rank'

const doc = (
  id: string,
  fields: Partial<SearchableDocument> & Pick<SearchableDocument, 'title'>,
): SearchableDocument => ({
  id,
  slug: `slug-${id}`,
  excerpt: null,
  body: '',
  publishedAt: '2026-01-01T10:00:00.000Z',
  ...fields,
})

const ids = (docs: SearchableDocument[], query: string | string[]) =>
  rankDocuments(docs, query).map((match) => match.doc.id)

describe('rankDocuments', () => {
  it('puts title matches before excerpt and body matches', () => {
    const docs = [
      doc('post-1', {
        title: 'Metatarsalgia',
        body: 'Tra le cause c’è l’alluce valgo. Alluce, alluce, alluce.',
      }),
      doc('post-2', {
        title: 'Scarpe ortopediche',
        excerpt: 'Dopo l’intervento all’alluce valgo.',
      }),
      doc('post-3', { title: 'Alluce valgo: che cos’è', body: 'Una deformità del piede.' }),
    ]
    expect(ids(docs, 'alluce')).toEqual(['post-3', 'post-1', 'post-2'])
  })

  it('requires EVERY term (AND), in title, excerpt or body', () => {
    const docs = [
      doc('post-1', { title: 'Alluce valgo', body: 'Intervento mini invasivo.' }),
      doc('post-2', { title: 'Alluce valgo: i segni', body: 'Una deformità.' }),
      doc('post-3', { title: 'Intervento al piede', excerpt: 'Con incisioni mini.' }),
    ]
    expect(ids(docs, 'alluce intervento')).toEqual(['post-1'])
    expect(ids(docs, 'intervento mini')).toEqual(['post-3', 'post-1'])
    expect(ids(docs, 'alluce tallone')).toEqual([])
  })

  it('breaks ties by the newest publication date', () => {
    const docs = [
      doc('post-1', { title: 'Alluce valgo', publishedAt: '2025-05-01T10:00:00.000Z' }),
      doc('post-2', { title: 'Alluce valgo', publishedAt: '2026-02-01T10:00:00.000Z' }),
      doc('post-3', { title: 'Alluce valgo', publishedAt: null }),
      doc('post-4', { title: 'Alluce valgo', publishedAt: '2025-11-01T10:00:00.000Z' }),
    ]
    expect(ids(docs, 'alluce')).toEqual(['post-2', 'post-4', 'post-1', 'post-3'])
  })

  it('scores 10 per term in the title, 3 in the excerpt, 1 per body occurrence (capped)', () => {
    const docs = [
      doc('post-1', { title: 'Piede', excerpt: 'Il piede.', body: 'piede piede' }),
      doc('post-2', { title: 'Altro', body: 'piede '.repeat(20) }),
    ]
    expect(rankDocuments(docs, 'piede').map((match) => [match.doc.id, match.score])).toEqual([
      ['post-1', 15],
      ['post-2', 5],
    ])
  })

  it('ranks more title terms first even against many body occurrences', () => {
    const docs = [
      doc('post-1', {
        title: 'Scarpe',
        excerpt: 'Alluce valgo.',
        body: 'alluce valgo scarpe '.repeat(10),
      }),
      doc('post-2', { title: 'Alluce valgo e scarpe', body: 'Niente altro.' }),
    ]
    expect(ids(docs, 'alluce valgo scarpe')).toEqual(['post-2', 'post-1'])
  })

  it('is insensitive to case, accents and apostrophes, matching substrings', () => {
    const docs = [
      doc('post-1', { title: 'Intervento', body: 'Il grado di invasività si è ridotto.' }),
      doc('post-2', { title: 'Le OSTEOTOMIE correttive' }),
      doc('post-3', { title: 'Cos’è l’alluce valgo' }),
    ]
    expect(ids(docs, 'invasivita')).toEqual(['post-1'])
    expect(ids(docs, 'osteotomie')).toEqual(['post-2'])
    expect(ids(docs, 'OSTEOTOMIE')).toEqual(['post-2'])
    expect(ids(docs, 'l’alluce')).toEqual(['post-3'])
    expect(ids(docs, 'osteo')).toEqual(['post-2'])
  })

  it('accepts terms already tokenised and finds nothing without terms', () => {
    const docs = [doc('post-1', { title: 'Alluce valgo' })]
    expect(ids(docs, ['valgo'])).toEqual(['post-1'])
    expect(ids(docs, [])).toEqual([])
    expect(ids(docs, 'a')).toEqual([])
  })
})
