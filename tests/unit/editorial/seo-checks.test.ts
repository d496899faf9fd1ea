import { describe, expect, it } from '@jest/globals'
import { seoChecks, type SeoCheck, type SeoInput } from '@/lib/editorial/seo-checks'
import type { LexicalStateLike } from '@/lib/text-import'

const text = (value: string) => ({ type: 'text', text: value })
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] })
const heading = (tag: string, value: string) => ({ type: 'heading', tag, children: [text(value)] })
const state = (...children: unknown[]): LexicalStateLike => ({ root: { type: 'root', children } })

const base: SeoInput = {
  title: 'Cos’è l’intervento mini invasivo all’alluce valgo',
  slug: 'intervento-mini-invasivo-alluce-valgo',
  metaTitle: 'x'.repeat(55),
  // 140 characters, with the keyphrase.
  metaDescription: `Alluce valgo: ${'x'.repeat(126)}`,
  focusKeyphrase: 'alluce valgo',
  content: state(
    paragraph('L’ALLUCE VALGO è la deformità più diffusa del piede.'),
    heading('h2', 'Cos’è'),
    paragraph('Testo.'),
  ),
}

const check = (input: Partial<SeoInput>, id: SeoCheck['id']) => {
  const found = seoChecks({ ...base, ...input }).find((c) => c.id === id)
  if (!found) throw new Error(`no check ${id}`)
  return found
}

describe('seoChecks', () => {
  it('passes a well-formed post', () => {
    expect(seoChecks(base).filter((c) => !c.ok)).toEqual([])
  })

  it.each([
    [49, false],
    [50, true],
    [60, true],
    [61, false],
  ])('meta title of %i characters → ok %s', (length, ok) => {
    const result = check({ metaTitle: 'a'.repeat(length) }, 'meta-title-length')
    expect(result.ok).toBe(ok)
    expect(result.message).toContain(String(length))
  })

  it.each([
    [119, false],
    [120, true],
    [160, true],
    [161, false],
  ])('meta description of %i characters → ok %s', (length, ok) => {
    expect(check({ metaDescription: 'è'.repeat(length) }, 'meta-description-length').ok).toBe(ok)
  })

  it('explains short, long and empty meta fields in Italian', () => {
    expect(check({ metaTitle: 'a'.repeat(49) }, 'meta-title-length').message).toBe(
      'Il meta title è troppo corto: 49 caratteri (consigliati 50–60).',
    )
    expect(check({ metaDescription: 'a'.repeat(161) }, 'meta-description-length').message).toBe(
      'La meta description è troppo lunga: 161 caratteri (consigliati 120–160).',
    )
    expect(check({ metaTitle: '  ' }, 'meta-title-length')).toEqual({
      id: 'meta-title-length',
      ok: false,
      message: 'Il meta title è vuoto (consigliati 50–60).',
    })
    expect(check({ metaDescription: null }, 'meta-description-length').message).toBe(
      'La meta description è vuota (consigliati 120–160).',
    )
  })

  it('finds the keyphrase ignoring case, accents and apostrophe style', () => {
    const input = { focusKeyphrase: "Cos'e l'intervento" }
    expect(check(input, 'keyphrase-title').ok).toBe(true)
    expect(check({ ...input, slug: 'cos-e-l-intervento' }, 'keyphrase-slug').ok).toBe(true)
  })

  it('reports where the keyphrase is missing', () => {
    const input: Partial<SeoInput> = {
      title: 'Il piede piatto',
      slug: 'piede-piatto',
      metaDescription: 'Tutto sul piede piatto.',
      content: state(heading('h2', 'Alluce valgo'), paragraph('Parliamo di piede piatto.')),
    }
    for (const id of [
      'keyphrase-title',
      'keyphrase-first-paragraph',
      'keyphrase-slug',
      'keyphrase-meta-description',
    ] as const) {
      expect(check(input, id).ok).toBe(false)
    }
    expect(check(input, 'keyphrase-title').message).toBe(
      'La frase chiave «alluce valgo» non è nel titolo.',
    )
  })

  it('matches whole words only and compares the slug with slugify(keyphrase)', () => {
    expect(check({ title: 'Alluce valgoso' }, 'keyphrase-title').ok).toBe(false)
    expect(check({ slug: 'xalluce-valgo' }, 'keyphrase-slug').ok).toBe(false)
    expect(check({ slug: 'alluce-valgo' }, 'keyphrase-slug').ok).toBe(true)
  })

  it('replaces the keyphrase checks with one reminder when no keyphrase is set', () => {
    const ids = seoChecks({ ...base, focusKeyphrase: ' ' }).map((c) => c.id)
    expect(ids).toContain('focus-keyphrase')
    expect(ids).not.toContain('keyphrase-title')
  })

  it('accepts headings that never skip a level', () => {
    const content = state(heading('h2', 'A'), heading('h3', 'B'), heading('h2', 'C'))
    expect(check({ content }, 'heading-structure').ok).toBe(true)
    expect(check({ content: state(paragraph('x')) }, 'heading-structure').ok).toBe(true)
  })

  it('flags h2 → h4 and a first heading other than h2', () => {
    const skip = check(
      { content: state(heading('h2', 'A'), heading('h4', 'B')) },
      'heading-structure',
    )
    expect(skip.ok).toBe(false)
    expect(skip.message).toContain('da H2 a H4')
    expect(check({ content: state(heading('h3', 'A')) }, 'heading-structure').ok).toBe(false)
    expect(check({ content: state(heading('h1', 'A')) }, 'heading-structure').ok).toBe(false)
  })

  it('flags upload nodes without alt text, also when nested', () => {
    const upload = (value: unknown) => ({ type: 'upload', relationTo: 'media', value })
    const content = state(
      upload({ id: 'media-1', alt: 'Radiografia del piede' }),
      upload({ id: 'media-2', alt: '  ' }),
      { type: 'list', children: [{ type: 'listitem', children: [upload({ id: 'media-3' })] }] },
      upload('media-4'),
    )
    expect(check({ content }, 'image-alt')).toEqual({
      id: 'image-alt',
      ok: false,
      message: '3 immagini senza testo alternativo.',
    })
    expect(check({ content: state(upload({ alt: 'Piede' })) }, 'image-alt').ok).toBe(true)
  })
})
