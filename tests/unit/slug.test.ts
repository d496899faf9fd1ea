import { describe, expect, it } from '@jest/globals'
import { SLUG_MAX_LENGTH, isValidSlug, slugify } from '@/lib/slug'

describe('slugify', () => {
  it.each([
    [
      'Cos’è l’intervento mini invasivo alluce valgo',
      'cos-e-l-intervento-mini-invasivo-alluce-valgo',
    ],
    ['  Perché   così? ', 'perche-cosi'],
    ['Alluce valgo: 30/40 giorni', 'alluce-valgo-30-40-giorni'],
  ])('slugifies the documented example %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('treats every apostrophe variant as a word separator', () => {
    for (const apostrophe of ["'", '’', '‘', 'ʼ']) {
      expect(slugify(`dell${apostrophe}alluce`)).toBe('dell-alluce')
    }
  })

  it('folds accents and special Latin letters to ASCII', () => {
    expect(slugify('Àèìòù ÉÇÑ')).toBe('aeiou-ecn')
    expect(slugify('Straße Æsir Œuvre Øresund Đakovo Łódź')).toBe(
      'strasse-aesir-oeuvre-oresund-dakovo-lodz',
    )
  })

  it('collapses runs of punctuation and whitespace (including tabs, NBSP, dashes) into one hyphen', () => {
    expect(slugify('piede\u00a0–\tcaviglia -- (2024)!')).toBe('piede-caviglia-2024')
  })

  it('keeps digits', () => {
    expect(slugify('Top 10 esercizi 2025')).toBe('top-10-esercizi-2025')
  })

  it('returns an empty string for empty or punctuation-only input', () => {
    expect(slugify('')).toBe('')
    expect(slugify('   ')).toBe('')
    expect(slugify('?!… – ’’ ///')).toBe('')
  })

  it('drops characters that have no ASCII equivalent instead of leaving hyphen clutter', () => {
    expect(slugify('Piede 🦶 sano')).toBe('piede-sano')
    expect(slugify('日本語')).toBe('')
  })

  it('truncates long input at a hyphen boundary, never inside a word', () => {
    const words = Array.from({ length: 40 }, (_, i) => `parola${i}`)
    const slug = slugify(words.join(' '))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.length).toBeGreaterThan(SLUG_MAX_LENGTH - 'parola00-'.length)
    expect(isValidSlug(slug)).toBe(true)
    // Every kept segment is a whole source word, in order.
    expect(slug.split('-')).toEqual(words.slice(0, slug.split('-').length))
  })

  it('keeps the full word when the cut falls exactly on a hyphen', () => {
    const input = `${'a'.repeat(SLUG_MAX_LENGTH)} bbb`
    expect(slugify(input)).toBe('a'.repeat(SLUG_MAX_LENGTH))
    const input2 = `${'a'.repeat(SLUG_MAX_LENGTH - 4)} bbb ccc`
    expect(slugify(input2)).toBe(`${'a'.repeat(SLUG_MAX_LENGTH - 4)}-bbb`)
  })

  it('hard-cuts a single word longer than the maximum', () => {
    expect(slugify('x'.repeat(SLUG_MAX_LENGTH + 30))).toBe('x'.repeat(SLUG_MAX_LENGTH))
  })

  it('is idempotent', () => {
    const samples = [
      'Cos’è l’intervento mini invasivo alluce valgo',
      '  Perché   così? ',
      'Straße -- Œuvre',
      Array.from({ length: 50 }, (_, i) => `Parola ${i}`).join(', '),
      '',
    ]
    for (const sample of samples) {
      const once = slugify(sample)
      expect(slugify(once)).toBe(once)
    }
  })

  it('always produces a valid slug for non-empty results', () => {
    for (const sample of ['-Inizio e fine-', '__x__', 'A.B.C', 'ß']) {
      expect(isValidSlug(slugify(sample))).toBe(true)
    }
  })
})

describe('isValidSlug', () => {
  it('accepts lowercase words and digits separated by single hyphens', () => {
    expect(isValidSlug('alluce-valgo-30-40-giorni')).toBe(true)
    expect(isValidSlug('a')).toBe(true)
    expect(isValidSlug('2025')).toBe(true)
  })

  it.each(['', '-a', 'a-', 'a--b', 'A-b', 'perché', 'a b', 'a_b', 'a/b'])('rejects %j', (slug) => {
    expect(isValidSlug(slug)).toBe(false)
  })
})
