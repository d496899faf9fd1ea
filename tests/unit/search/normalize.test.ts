import { describe, expect, it } from '@jest/globals'

import {
  MAX_TERMS,
  normalizeForSearch,
  normalizeWithMap,
  tokenizeQuery,
} from '@/lib/search/normalize'

describe('normalizeForSearch', () => {
  it('folds accents, so "funzionalita" matches "funzionalità"', () => {
    expect(normalizeForSearch('Funzionalità')).toBe('funzionalita')
    expect(normalizeForSearch('perché più è così')).toBe('perche piu e cosi')
    // Text already decomposed (base letter + combining accent) folds the same way.
    expect(normalizeForSearch('funzionalita\u0300')).toBe('funzionalita')
  })

  it('lowercases, so "OSTEOTOMIE" matches "osteotomie"', () => {
    expect(normalizeForSearch('OSTEOTOMIE Correttive')).toBe('osteotomie correttive')
    expect(normalizeForSearch('ÀÈÌÒÙ')).toBe('aeiou')
  })

  it('turns typographic and straight apostrophes into word breaks', () => {
    expect(normalizeForSearch('l’alluce')).toBe('l alluce')
    expect(normalizeForSearch("l'alluce")).toBe('l alluce')
    expect(normalizeForSearch('Cos’è l’intervento')).toBe('cos e l intervento')
    expect(normalizeForSearch('l‘alluce')).toBe('l alluce')
  })

  it('turns punctuation into spaces and collapses whitespace', () => {
    expect(normalizeForSearch('  post-operatorio,\n\n30/40 giorni!  ')).toBe(
      'post operatorio 30 40 giorni',
    )
    expect(normalizeForSearch('viti o cambrie – con «minore» dolore…')).toBe(
      'viti o cambrie con minore dolore',
    )
    expect(normalizeForSearch(' ,.;! ')).toBe('')
  })

  it('spells out letters without a decomposition', () => {
    expect(normalizeForSearch('Straße Œdipe')).toBe('strasse oedipe')
  })
})

describe('normalizeWithMap', () => {
  it('maps every normalised character back to its original offsets', () => {
    const original = 'L’invasività è'
    const { text, start, end } = normalizeWithMap(original)
    expect(text).toBe('l invasivita e')
    expect(start).toHaveLength(text.length)
    expect(end).toHaveLength(text.length)
    const at = text.indexOf('invasivita')
    expect(original.slice(start[at], end[at + 'invasivita'.length - 1])).toBe('invasività')
    expect(original.slice(start[text.length - 1], end[text.length - 1])).toBe('è')
  })

  it('keeps combining marks with the letter before them', () => {
    const original = 'cafe\u0301 buono'
    const { text, start, end } = normalizeWithMap(original)
    expect(text).toBe('cafe buono')
    expect(original.slice(start[0], end[3])).toBe('cafe\u0301')
  })

  it('maps letters spelled out as two to the same original character', () => {
    const { text, start, end } = normalizeWithMap('ß')
    expect(text).toBe('ss')
    expect([start, end]).toEqual([
      [0, 0],
      [1, 1],
    ])
  })
})

describe('tokenizeQuery', () => {
  it('splits a query into normalised terms, dropping one-letter terms', () => {
    expect(tokenizeQuery('l’Alluce è VALGO')).toEqual(['alluce', 'valgo'])
    expect(tokenizeQuery('  intervento  mini-invasivo ')).toEqual([
      'intervento',
      'mini',
      'invasivo',
    ])
  })

  it('drops repeated terms and keeps at most 8', () => {
    expect(tokenizeQuery('piede Piede PIEDE')).toEqual(['piede'])
    const terms = tokenizeQuery('uno due tre quattro cinque sei sette otto nove dieci')
    expect(MAX_TERMS).toBe(8)
    expect(terms).toEqual(['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto'])
  })

  it('returns no terms for punctuation or single letters', () => {
    expect(tokenizeQuery('a e i o')).toEqual([])
    expect(tokenizeQuery('?!…')).toEqual([])
  })
})
