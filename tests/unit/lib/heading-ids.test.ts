import { describe, expect, it } from '@jest/globals'
import { createHeadingIdGenerator } from '@/lib/richtext/heading-ids'

const idsFor = (texts: string[]) => {
  const next = createHeadingIdGenerator()
  return texts.map((text) => next(text))
}

describe('createHeadingIdGenerator', () => {
  it.each([
    [['Sintomi'], ['sintomi']],
    [['Cos’è l’alluce valgo?'], ['cos-e-l-alluce-valgo']],
    [['Perché operarsi'], ['perche-operarsi']],
    [
      ['Sintomi', 'Cause', 'Sintomi', 'Sintomi'],
      ['sintomi', 'cause', 'sintomi-2', 'sintomi-3'],
    ],
    [
      ['Sintomi', 'SINTOMI!', ' sintomi '],
      ['sintomi', 'sintomi-2', 'sintomi-3'],
    ],
    [
      ['', '???', '🦶'],
      ['sezione', 'sezione-2', 'sezione-3'],
    ],
  ])('turns %j into %j', (texts, expected) => {
    expect(idsFor(texts)).toEqual(expected)
  })

  it.each([
    [['Intro', 'Intro 2', 'Intro']],
    [['Intro', 'Intro', 'Intro 2']],
    [['Fase 2', 'Fase', 'Fase']],
    [['Sezione', '', '', 'Sezione 2', 'Sezione 3']],
  ])('never hands out the same id twice for %j', (texts) => {
    const ids = idsFor(texts)
    expect(new Set(ids).size).toBe(texts.length)
  })

  it('keeps the plain slug for the first heading and suffixes only later repeats', () => {
    expect(idsFor(['Intro', 'Intro 2', 'Intro'])).toEqual(['intro', 'intro-2', 'intro-3'])
  })

  it('starts again from scratch for every new generator (stable across renders)', () => {
    expect(idsFor(['Cura', 'Cura'])).toEqual(['cura', 'cura-2'])
    expect(idsFor(['Cura', 'Cura'])).toEqual(['cura', 'cura-2'])
  })
})
