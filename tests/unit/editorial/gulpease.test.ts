import { describe, expect, it } from '@jest/globals'
import { gulpease, gulpeaseBand } from '@/lib/editorial/gulpease'

describe('gulpease', () => {
  it('clamps very easy text to 100', () => {
    // Words 7, letters 2+5+2+4+5+3+6 = 27, sentences 2:
    // 89 + (300×2 − 10×27) / 7 = 89 + 330/7 = 136.14… → clamped to 100.
    expect(gulpease('Il piede fa male. Serve una visita.')).toEqual({
      score: 100,
      band: 'elementare',
      label: 'facile anche per chi ha la licenza elementare',
    })
  })

  it('scores two plain sentences exactly on the 79 boundary (media)', () => {
    // Words 14; letters: Il 2, dolore 6, al 2, piede 5, richiede 8, una 3, visita 6 = 32;
    // La 2, terapia 7, dipende 7, dalla 5, gravità 7, della 5, deformità 9 = 42; total 74.
    // 89 + (300×2 − 10×74) / 14 = 89 + (600 − 740)/14 = 89 − 10 = 79.
    const text =
      'Il dolore al piede richiede una visita. La terapia dipende dalla gravità della deformità.'
    expect(gulpease(text)).toEqual({
      score: 79,
      band: 'media',
      label: 'facile per chi ha la licenza media',
    })
  })

  it('keeps apostrophes out of the letter count', () => {
    // Words 11; letters: Dopo 4, l’intervento 11, si 2, cammina 7, subito 6 = 30;
    // Servono 7, scarpe 6, ortopediche 11, per 3, trenta 6, giorni 6 = 39; total 69.
    // 89 + (600 − 690) / 11 = 89 − 8.18… = 80.82 → 81.
    const text =
      'Dopo l’intervento si cammina subito. Servono scarpe ortopediche per trenta giorni.'
    expect(gulpease(text)?.score).toBe(81)
    expect(gulpease(text)?.band).toBe('elementare')
  })

  it('scores a long technical sentence as difficile', () => {
    // Words 11; letters: L’intervento 11, mini 4, invasivo 8, prevede 7, osteotomie 10,
    // correttive 10, eseguite 8, attraverso 10, piccole 7, incisioni 9, cutanee 7 = 91.
    // 89 + (300×1 − 10×91) / 11 = 89 − 610/11 = 89 − 55.45… = 33.55 → 34.
    const text =
      'L’intervento mini invasivo prevede osteotomie correttive eseguite attraverso piccole incisioni cutanee.'
    expect(gulpease(text)).toEqual({
      score: 34,
      band: 'difficile',
      label: 'difficile anche per chi ha un diploma superiore',
    })
  })

  it('scores a single medium-length sentence as superiore', () => {
    // Words 15, letters 85, sentences 1: 89 + (300 − 850)/15 = 89 − 36.67 = 52.33 → 52.
    const text =
      'Il dolore al piede, soprattutto quando si cammina a lungo, richiede una visita specialistica accurata.'
    expect(gulpease(text)).toMatchObject({ score: 52, band: 'superiore' })
  })

  it('returns null for empty text', () => {
    expect(gulpease('')).toBeNull()
    expect(gulpease('  \n\n ')).toBeNull()
  })

  it.each([
    [100, 'elementare'],
    [80, 'elementare'],
    [79, 'media'],
    [60, 'media'],
    [59, 'superiore'],
    [40, 'superiore'],
    [39, 'difficile'],
    [0, 'difficile'],
  ])('band of %i is %s', (score, band) => {
    expect(gulpeaseBand(score).band).toBe(band)
  })
})
