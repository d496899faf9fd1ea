import { describe, expect, it } from '@jest/globals'
import { truncateAtWord } from '@/lib/text'

describe('truncateAtWord', () => {
  it.each([
    ['Alluce valgo', 20, 'Alluce valgo'],
    ['  Alluce \n\t valgo  ', 20, 'Alluce valgo'],
    ['Alluce valgo', 12, 'Alluce valgo'],
    ['', 10, ''],
  ])('leaves %j (max %i) uncut as %j', (input, max, expected) => {
    expect(truncateAtWord(input, max)).toBe(expected)
  })

  it.each([
    // Cut at the last space before the limit, then add the ellipsis.
    ['Il recupero dopo l’intervento richiede pazienza', 25, 'Il recupero dopo…'],
    // Trailing punctuation before the ellipsis is dropped.
    ['Alluce valgo: cause, sintomi e cure', 20, 'Alluce valgo…'],
    ['Sintomi, cause; cure e prevenzione', 17, 'Sintomi, cause…'],
    // A single over-long word is hard-cut.
    ['Metatarsalgiametatarsalgia', 10, 'Metatarsa…'],
    // If the last space is in the first half, a hard cut keeps more text.
    ['Il metatarsalgiametatarsalgia', 12, 'Il metatars…'],
    // Whitespace is collapsed before measuring.
    ['Uno   due   tre   quattro', 10, 'Uno due…'],
  ])('shortens %j to at most %i characters: %j', (input, max, expected) => {
    const result = truncateAtWord(input, max)
    expect(result).toBe(expected)
    expect(result.length).toBeLessThanOrEqual(max)
  })

  it('never exceeds the limit, whatever the text', () => {
    const text =
      'La fascite plantare è un’infiammazione della fascia plantare, una banda di tessuto'
    for (let max = 1; max <= text.length + 5; max += 1) {
      const result = truncateAtWord(text, max)
      expect(result.length).toBeLessThanOrEqual(max)
      if (result.endsWith('…')) expect(text.startsWith(result.slice(0, -1))).toBe(true)
      else expect(result).toBe(text)
    }
  })
})
