import { describe, expect, it } from '@jest/globals'

import {
  SNIPPET_LENGTH,
  buildResultSnippet,
  buildSnippet,
  highlightSegments,
} from '@/lib/search/snippet'

const PARAGRAPH =
  'Questo tipo di intervento rappresenta una delle tante tecniche per eliminare o perfezionare ' +
  'le deformità a livello del piede. Rispetto a tutte le altre tecniche si presenta come la più ' +
  'invasiva anche se soprattutto negli ultimi anni il grado di invasività si è ridotto ' +
  'notevolmente grazie all’uso di queste mini incisioni che hanno eliminato quasi totalmente il ' +
  'grado di invasività tipico delle operazioni chirurgiche.'

const joined = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('')

describe('buildSnippet', () => {
  it('cuts around the first match at word boundaries and highlights the ORIGINAL accented words', () => {
    expect(buildSnippet(PARAGRAPH, ['invasivita'])).toEqual([
      {
        text: '…invasiva anche se soprattutto negli ultimi anni il grado di ',
        match: false,
      },
      { text: 'invasività', match: true },
      {
        text: ' si è ridotto notevolmente grazie all’uso di queste mini incisioni che hanno eliminato quasi totalmente il…',
        match: false,
      },
    ])
  })

  it('highlights every occurrence of every term inside the snippet', () => {
    expect(
      buildSnippet('L’alluce valgo: l’ALLUCE devia. Valgo è un aggettivo.', ['alluce', 'valgo']),
    ).toEqual([
      { text: 'L’', match: false },
      { text: 'alluce', match: true },
      { text: ' ', match: false },
      { text: 'valgo', match: true },
      { text: ': l’', match: false },
      { text: 'ALLUCE', match: true },
      { text: ' devia. ', match: false },
      { text: 'Valgo', match: true },
      { text: ' è un aggettivo.', match: false },
    ])
  })

  it('maps offsets correctly after many accented letters and decomposed accents', () => {
    const text =
      'È più facile così: perché l’età conta, la funzionalita\u0300 del piede è importante.'
    expect(buildSnippet(text, ['funzionalita', 'eta'])).toEqual([
      { text: 'È più facile così: perché l’', match: false },
      { text: 'età', match: true },
      { text: ' conta, la ', match: false },
      { text: 'funzionalita\u0300', match: true },
      { text: ' del piede è importante.', match: false },
    ])
  })

  it('highlights a substring match inside a longer word', () => {
    expect(buildSnippet('Le osteotomie correttive.', ['tomie'])).toEqual([
      { text: 'Le osteo', match: false },
      { text: 'tomie', match: true },
      { text: ' correttive.', match: false },
    ])
  })

  it('merges overlapping matches into one highlight', () => {
    expect(buildSnippet('Le osteotomie.', ['osteo', 'teotomie'])).toEqual([
      { text: 'Le ', match: false },
      { text: 'osteotomie', match: true },
      { text: '.', match: false },
    ])
  })

  it('stays within about 160–200 characters and only adds "…" where text was cut', () => {
    const long = `${'Parola '.repeat(60)}alluce ${'parola '.repeat(60)}fine.`
    const segments = buildSnippet(long, ['alluce'])
    const text = joined(segments)
    expect(text.length).toBeGreaterThanOrEqual(160)
    expect(text.length).toBeLessThanOrEqual(200)
    expect(text.startsWith('…Parola ')).toBe(true)
    expect(text.endsWith(' parola…')).toBe(true)
    expect(segments.filter((segment) => segment.match)).toEqual([{ text: 'alluce', match: true }])
    expect(SNIPPET_LENGTH).toBeLessThanOrEqual(200)

    const short = buildSnippet('Testo breve sull’alluce.', ['alluce'])
    expect(joined(short)).toBe('Testo breve sull’alluce.')
  })

  it('shows a match near the end with more text before it', () => {
    const text = `${'inizio '.repeat(40)}ultima parola: giorni.`
    const segments = buildSnippet(text, ['giorni'])
    expect(segments.at(-2)).toEqual({ text: 'giorni', match: true })
    expect(segments.at(-1)).toEqual({ text: '.', match: false })
    expect(joined(segments).length).toBeGreaterThan(150)
    expect(joined(segments).startsWith('…inizio ')).toBe(true)
  })

  it('drops dangling punctuation next to an ellipsis', () => {
    const text = `${'uno, '.repeat(30)}alluce${', due'.repeat(60)}`
    const segments = buildSnippet(text, ['alluce'])
    expect(joined(segments)).toMatch(/^…uno, /)
    expect(joined(segments)).toMatch(/ due…$/)
  })

  it('collapses whitespace and line breaks', () => {
    expect(buildSnippet('Primo blocco\n\nSecondo   blocco con alluce', ['alluce'])).toEqual([
      { text: 'Primo blocco Secondo blocco con ', match: false },
      { text: 'alluce', match: true },
    ])
  })

  it('returns the start of the text without highlights when nothing matches', () => {
    expect(buildSnippet(PARAGRAPH, ['tallone'])).toEqual([
      {
        text: 'Questo tipo di intervento rappresenta una delle tante tecniche per eliminare o perfezionare le deformità a livello del piede. Rispetto a tutte le altre tecniche si presenta come la…',
        match: false,
      },
    ])
    expect(buildSnippet('   ', ['alluce'])).toEqual([])
  })
})

describe('highlightSegments', () => {
  it('highlights the whole text', () => {
    expect(highlightSegments('Cos’è l’alluce valgo', ['alluce'])).toEqual([
      { text: 'Cos’è l’', match: false },
      { text: 'alluce', match: true },
      { text: ' valgo', match: false },
    ])
  })
})

describe('buildResultSnippet', () => {
  const doc = { excerpt: 'Le scarpe ortopediche dopo l’intervento.', body: 'Il piede guarisce.' }

  it('uses the body when it matches', () => {
    expect(joined(buildResultSnippet(doc, ['piede']))).toBe('Il piede guarisce.')
  })

  it('uses the excerpt when it matches more terms than the body', () => {
    expect(joined(buildResultSnippet(doc, ['scarpe']))).toBe(doc.excerpt)
  })

  it('falls back to the excerpt, then the body, without highlights', () => {
    expect(buildResultSnippet(doc, ['titolo'])).toEqual([{ text: doc.excerpt, match: false }])
    expect(buildResultSnippet({ excerpt: null, body: 'Solo testo.' }, ['titolo'])).toEqual([
      { text: 'Solo testo.', match: false },
    ])
  })
})
