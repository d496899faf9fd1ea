import { describe, expect, it } from '@jest/globals'

import {
  parseSearchPage,
  parseSearchQuery,
  searchFormValue,
  searchPageHref,
} from '@/lib/search/query'

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

  it('accepts 200 characters and rejects 201 as too long', () => {
    const longest = 'a'.repeat(200)
    expect(parseSearchQuery(longest)).toEqual({ kind: 'ok', q: longest, terms: [longest] })
    expect(parseSearchQuery(`  ${longest}  `)).toMatchObject({ kind: 'ok', q: longest })
    expect(parseSearchQuery('a'.repeat(201))).toEqual({ kind: 'too-long' })
    expect(parseSearchQuery(`alluce ${'valgo '.repeat(40)}`)).toEqual({ kind: 'too-long' })
  })

  it('takes the first value of a repeated parameter', () => {
    expect(parseSearchQuery(['alluce', 'tallone'])).toEqual({
      kind: 'ok',
      q: 'alluce',
      terms: ['alluce'],
    })
    expect(parseSearchQuery(['', 'tallone'])).toEqual({ kind: 'empty' })
  })

  it('tells a query with nothing to search for: punctuation, symbols, one-letter words', () => {
    expect(parseSearchQuery('a e')).toEqual({ kind: 'no-terms', q: 'a e' })
    expect(parseSearchQuery('?!… ’ — «»')).toEqual({ kind: 'no-terms', q: '?!… ’ — «»' })
    expect(parseSearchQuery('%%% +++')).toEqual({ kind: 'no-terms', q: '%%% +++' })
    expect(parseSearchQuery('l’ e')).toEqual({ kind: 'no-terms', q: 'l’ e' })
  })
})

describe('searchFormValue', () => {
  it('is the trimmed first value, cut to what the field accepts', () => {
    expect(searchFormValue(['  alluce ', 'x'])).toBe('alluce')
    expect(searchFormValue(undefined)).toBe('')
    expect(searchFormValue('b'.repeat(250))).toBe('b'.repeat(200))
  })
})

describe('parseSearchPage', () => {
  it('is the first page when absent, the number when it is one', () => {
    expect(parseSearchPage(undefined)).toEqual({ kind: 'ok', page: 1 })
    expect(parseSearchPage([])).toEqual({ kind: 'ok', page: 1 })
    expect(parseSearchPage('1')).toEqual({ kind: 'ok', page: 1 })
    expect(parseSearchPage('37')).toEqual({ kind: 'ok', page: 37 })
    expect(parseSearchPage(['2', '5'])).toEqual({ kind: 'ok', page: 2 })
    expect(parseSearchPage('10000')).toEqual({ kind: 'ok', page: 10_000 })
  })

  it('refuses what is not a page number', () => {
    for (const raw of ['', '0', '-1', '1.5', '01', 'abc', '2a', ' 2', '1e3', '10001', '99999999']) {
      expect([raw, parseSearchPage(raw)]).toEqual([raw, { kind: 'invalid' }])
    }
  })
})

describe('searchPageHref', () => {
  it('links the first page without `pagina`, the others with it, the query encoded', () => {
    expect(searchPageHref('alluce valgo', 1)).toBe('/cerca?q=alluce+valgo')
    expect(searchPageHref('l’alluce & co', 3)).toBe('/cerca?q=l%E2%80%99alluce+%26+co&pagina=3')
  })
})
