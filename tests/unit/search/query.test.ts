import { describe, expect, it } from '@jest/globals'

import { parseSearchQuery, searchFormValue } from '@/lib/search/query'

describe('parseSearchQuery', () => {
  it('treats a missing, empty or blank parameter as empty', () => {
    expect(parseSearchQuery(undefined)).toEqual({ kind: 'empty' })
    expect(parseSearchQuery('')).toEqual({ kind: 'empty' })
    expect(parseSearchQuery('   \n\t ')).toEqual({ kind: 'empty' })
    expect(parseSearchQuery([])).toEqual({ kind: 'empty' })
    expect(parseSearchQuery(42)).toEqual({ kind: 'empty' })
  })

  it('trims the query and returns its terms', () => {
    expect(parseSearchQuery('  OSTEOTOMIE  ')).toEqual({
      kind: 'ok',
      q: 'OSTEOTOMIE',
      terms: ['osteotomie'],
    })
    expect(parseSearchQuery('l’alluce valgo')).toEqual({
      kind: 'ok',
      q: 'l’alluce valgo',
      terms: ['alluce', 'valgo'],
    })
  })

  it('accepts 100 characters and rejects 101 as too long', () => {
    const hundred = 'a'.repeat(100)
    expect(parseSearchQuery(hundred)).toEqual({ kind: 'ok', q: hundred, terms: [hundred] })
    expect(parseSearchQuery(`  ${hundred}  `)).toMatchObject({ kind: 'ok', q: hundred })
    expect(parseSearchQuery('a'.repeat(101))).toEqual({ kind: 'too-long' })
    expect(parseSearchQuery(`alluce ${'valgo '.repeat(20)}`)).toEqual({ kind: 'too-long' })
  })

  it('takes the first value of a repeated parameter', () => {
    expect(parseSearchQuery(['alluce', 'tallone'])).toEqual({
      kind: 'ok',
      q: 'alluce',
      terms: ['alluce'],
    })
    expect(parseSearchQuery(['', 'tallone'])).toEqual({ kind: 'empty' })
  })

  it('keeps a query whose words are all too short, with no terms', () => {
    expect(parseSearchQuery('a e')).toEqual({ kind: 'ok', q: 'a e', terms: [] })
  })
})

describe('searchFormValue', () => {
  it('is the trimmed first value, cut to what the field accepts', () => {
    expect(searchFormValue(['  alluce ', 'x'])).toBe('alluce')
    expect(searchFormValue(undefined)).toBe('')
    expect(searchFormValue('b'.repeat(150))).toBe('b'.repeat(100))
  })
})
