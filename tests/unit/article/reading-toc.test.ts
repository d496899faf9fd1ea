import { describe, expect, it } from '@jest/globals'

import { countWords, readingMinutes, readingTimeLabel } from '@/lib/article/reading-time'
import { tableOfContents } from '@/lib/article/toc'
import { articleBlocksToLexical } from '@/lib/text-import'

describe('reading time', () => {
  it('counts words, not punctuation, dashes or no-break spaces', () => {
    expect(countWords('L’alluce valgo\u00a0– come viti o cambrie – è 30/40 giorni.')).toBe(9)
  })

  it('rounds up at 200 words a minute, at least one minute', () => {
    expect(readingMinutes('parola')).toBe(1)
    expect(readingMinutes(Array(200).fill('parola').join(' '))).toBe(1)
    expect(readingMinutes(Array(201).fill('parola').join(' '))).toBe(2)
    expect(readingTimeLabel(1)).toBe('1 minuto di lettura')
    expect(readingTimeLabel(4)).toBe('4 minuti di lettura')
  })
})

describe('table of contents', () => {
  it('lists h2 and h3 with unique ids matching the rendered headings', () => {
    const content = articleBlocksToLexical([
      { type: 'heading', level: 2, text: 'Cos’è l’intervento' },
      { type: 'paragraph', text: 'Testo.' },
      { type: 'heading', level: 3, text: 'Vantaggi' },
      { type: 'heading', level: 4, text: 'Dettaglio' },
      { type: 'heading', level: 2, text: 'Vantaggi' },
    ])
    expect(tableOfContents(content)).toEqual([
      { id: 'cos-e-l-intervento', text: 'Cos’è l’intervento', level: 2 },
      { id: 'vantaggi', text: 'Vantaggi', level: 3 },
      { id: 'vantaggi-2', text: 'Vantaggi', level: 2 },
    ])
  })

  it('is empty without content', () => {
    expect(tableOfContents(null)).toEqual([])
  })
})
