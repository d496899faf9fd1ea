import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { articleBlocksToLexical } from '@/lib/text-import'

import { mockAdminRuntime, setForm } from './payload-ui-mock'

mockAdminRuntime()
const { EDITORIAL_FIELD_PATHS, EditorialPanel } =
  await import('@/components/admin/EditorialPanel.client')

const body = (...paragraphs: string[]) =>
  articleBlocksToLexical(paragraphs.map((text) => ({ type: 'paragraph' as const, text })))

const seoLine = (start: string) =>
  screen.getAllByRole('listitem').find((li) => li.textContent?.includes(start))?.textContent

describe('EditorialPanel', () => {
  it('reads the post form at the paths of the post fields', () => {
    expect(EDITORIAL_FIELD_PATHS).toEqual({
      title: 'title',
      slug: 'slug',
      metaTitle: 'meta.title',
      metaDescription: 'meta.description',
      focusKeyphrase: 'meta.focusKeyphrase',
      content: 'content',
      lastReviewedAt: 'lastReviewedAt',
      categories: 'categories',
      references: 'references',
    })
  })

  it('checks the focus keyphrase against title, slug and first paragraph', () => {
    setForm({
      title: 'Alluce valgo: l’intervento mini invasivo',
      slug: 'intervento-piede',
      'meta.focusKeyphrase': 'alluce valgo',
      content: body('L’alluce valgo è la deformità più diffusa del piede.'),
    })
    render(<EditorialPanel />)
    expect(seoLine('nel titolo')).toBe('✓ OK: La frase chiave «alluce valgo» è nel titolo.')
    expect(seoLine('primo paragrafo')).toBe(
      '✓ OK: La frase chiave «alluce valgo» è nel primo paragrafo.',
    )
    expect(seoLine('Lo slug')).toBe(
      '! Da migliorare: Lo slug non contiene la frase chiave (alluce-valgo).',
    )
  })

  it('updates as the editor types', () => {
    setForm({ content: body('Il recupero è rapido.') })
    const { rerender } = render(<EditorialPanel />)
    expect(screen.getByText('Nessuna espressione vietata o ingannevole trovata.')).toBeVisible()
    expect(screen.getByText('Parole').nextElementSibling?.textContent).toBe('4')

    setForm({ content: body('Il recupero è rapido e garantito.') })
    rerender(<EditorialPanel />)
    expect(screen.getByText('Parole').nextElementSibling?.textContent).toBe('6')
    expect(screen.getByRole('mark').textContent).toBe('garantito')
  })

  it('asks for a keyphrase and shows an expired review on a new post', () => {
    setForm({})
    render(<EditorialPanel />)
    expect(seoLine('frase chiave')).toBe(
      '! Da migliorare: Imposta una frase chiave per controllare titolo, slug e testo.',
    )
    expect(screen.getByText('Revisione medica scaduta')).toBeVisible()
  })
})
