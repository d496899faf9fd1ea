import { describe, expect, it } from '@jest/globals'
import {
  averageSentenceLength,
  countLetters,
  countSentences,
  countWords,
} from '@/lib/editorial/text-stats'

describe('countSentences', () => {
  it.each([
    ['Il piede fa male. Serve una visita.', 2],
    ['Il Dott. Rossi visita alle 9.30.', 1],
    ['La dott.ssa Bianchi e il Prof. Verdi operano insieme.', 1],
    ['Servono plantari, calze, ecc. per il recupero.', 1],
    ['Vedi ad es. la pag. 12 e il n. 3 della rivista.', 1],
    ['Ai sensi dell’art. 5 la clinica Alfa S.r.l. risponde.', 1],
    ['Come p.es. il plantare su misura.', 1],
    ['La dose è 2.5 mg al giorno.', 1],
    ['E poi... niente da fare', 2],
    ['E poi… niente da fare.', 2],
    ['Fa male? Sì! Molto.', 3],
    ['Davvero?! Incredibile.', 2],
    ['Disse: «Basta.» Poi uscì.', 2],
    ['', 0],
    ['   ...   ', 0],
  ])('%j has %i sentence(s)', (text, expected) => {
    expect(countSentences(text)).toBe(expected)
  })

  it('ends a sentence at the end of each paragraph or heading line', () => {
    const text = 'I vantaggi della tecnica\n\nSi cammina subito\n\nServono scarpe ortopediche.'
    expect(countSentences(text)).toBe(3)
  })
})

describe('countLetters', () => {
  it('counts accented letters but not apostrophes', () => {
    // L + alluce = 1 + 6; "è" is one letter.
    expect(countLetters('L’alluce')).toBe(7)
    expect(countLetters("l'alluce")).toBe(7)
    expect(countLetters('è così')).toBe(5)
  })

  it('ignores digits, punctuation and spaces', () => {
    expect(countLetters('30/40 giorni, 2.5 mg!')).toBe(8)
  })

  it('counts a decomposed accent once', () => {
    expect(countLetters('perche\u0301')).toBe(6)
  })
})

describe('countWords and averageSentenceLength', () => {
  it('reuses the reading-time word count', () => {
    expect(countWords('L’alluce valgo – una deformità comune.')).toBe(5)
  })

  it('averages words per sentence with one decimal', () => {
    // 7 words / 2 sentences = 3.5
    expect(averageSentenceLength('Il piede fa male. Serve una visita.')).toBe(3.5)
    // 10 words / 3 sentences = 3.333… → 3.3
    expect(averageSentenceLength('Uno due tre. Quattro cinque sei. Sette otto nove dieci.')).toBe(
      3.3,
    )
    expect(averageSentenceLength('')).toBe(0)
  })
})
