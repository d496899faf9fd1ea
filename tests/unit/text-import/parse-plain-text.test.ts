import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { TextImportError, parsePlainTextArticle, type ParsedArticle } from '@/lib/text-import'

const SEED_PATH = join(process.cwd(), 'seed/content/intervento-mini-invasivo-alluce-valgo.txt')
const raw = readFileSync(SEED_PATH, 'utf8')
const TITLE = 'Cos’è l’intervento mini invasivo alluce valgo'

// Expectations computed from the raw file without the parser: blank-line split, edges trimmed.
const rawBlocks = raw
  .split(/\n\s*\n/)
  .map((block) => block.trim())
  .filter((block) => block !== '')

const headingTexts = (article: ParsedArticle): string[] =>
  article.blocks.filter((b) => b.type === 'heading').map((b) => b.text)
const paragraphTexts = (article: ParsedArticle): string[] =>
  article.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text)

function captureError(fn: () => unknown): TextImportError {
  try {
    fn()
  } catch (error) {
    if (error instanceof TextImportError) return error
    throw error
  }
  throw new Error('expected a TextImportError, but nothing was thrown')
}

describe('parsePlainTextArticle on the real seed file', () => {
  const article = parsePlainTextArticle(raw)

  it('reads the title from the first line', () => {
    expect(article.title).toBe(TITLE)
    expect(rawBlocks[0]).toBe(TITLE)
  })

  it('finds the two section headings in order, keeping the one that repeats the title', () => {
    expect(headingTexts(article)).toEqual([TITLE, 'I vantaggi di questa procedura chirurgica'])
    expect(article.blocks.every((b) => b.type !== 'heading' || b.level === 2)).toBe(true)
  })

  it('has the expected block order', () => {
    expect(article.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ])
  })

  it('keeps every block word for word, exactly as in the source file', () => {
    expect(rawBlocks).toHaveLength(8)
    expect(article.blocks.map((b) => b.text)).toEqual(rawBlocks.slice(1))
    expect(paragraphTexts(article)).toHaveLength(5)
  })

  it('preserves typographic apostrophes, non-breaking spaces and en dashes', () => {
    const [first, second, , , fifth] = paragraphTexts(article)
    expect(first).toContain('l’alluce valgo rappresenta quella più diffusa')
    expect(first?.startsWith('Tra le varie patologie')).toBe(true)
    expect(second).toContain('utilizzato\u00a0in casi selezionati')
    expect(fifth).toContain('metallici\u00a0– come viti o cambrie – con conseguente')
    expect(fifth?.endsWith('pari a 30/40 giorni.')).toBe(true)
    const count = (s: string, ch: string): number => s.split(ch).length - 1
    const body = article.blocks.map((b) => b.text).join('')
    expect(count(body, '\u00a0')).toBe(count(raw, '\u00a0') - 1) // only the trailing NBSP is trimmed
    expect(count(body, '’')).toBe(count(raw, '’') - count(TITLE, '’'))
    expect(body).not.toContain("'")
  })

  it('trims trailing NBSP from a block edge', () => {
    expect(raw).toContain('meccanica del piede.\u00a0\n')
    expect(paragraphTexts(article)[1]?.endsWith('meccanica del piede.')).toBe(true)
  })

  it('gives the same result with Windows or old Mac line endings and a BOM', () => {
    expect(parsePlainTextArticle(raw.replace(/\n/g, '\r\n'))).toEqual(article)
    expect(parsePlainTextArticle(raw.replace(/\n/g, '\r'))).toEqual(article)
    expect(parsePlainTextArticle(`\uFEFF${raw.replace(/\n/g, '\r\n')}\r\n`)).toEqual(article)
  })
})

describe('parsePlainTextArticle block classification', () => {
  const parse = (body: string): ParsedArticle => parsePlainTextArticle(`Titolo\n\n${body}`)

  it('turns a short unpunctuated line into an h2 and sentences into paragraphs', () => {
    expect(parse('Sezione uno\n\nUna frase.').blocks).toEqual([
      { type: 'heading', level: 2, text: 'Sezione uno' },
      { type: 'paragraph', text: 'Una frase.' },
    ])
  })

  it.each(['.', '!', '?', ':', ';', '…', ','])(
    'treats a line ending in %j as a paragraph',
    (mark) => {
      expect(parse(`Breve riga${mark}`).blocks).toEqual([
        { type: 'paragraph', text: `Breve riga${mark}` },
      ])
    },
  )

  it('looks through closing quotes after final punctuation', () => {
    expect(parse('Disse “basta.”').blocks[0]?.type).toBe('paragraph')
    expect(parse('Il medico: "Va bene!"').blocks[0]?.type).toBe('paragraph')
    expect(parse('Il metodo «mini invasivo»').blocks[0]?.type).toBe('heading')
  })

  it('uses 120 characters as the heading length limit', () => {
    expect(parse('h'.repeat(120)).blocks[0]?.type).toBe('heading')
    expect(parse('h'.repeat(121)).blocks[0]?.type).toBe('paragraph')
  })

  it('joins a multi-line block with single spaces and never makes it a heading', () => {
    expect(parse('Prima riga  \n  seconda riga\u00a0\nterza').blocks).toEqual([
      { type: 'paragraph', text: 'Prima riga seconda riga terza' },
    ])
  })

  it('keeps typographic apostrophes and inner spacing untouched', () => {
    const text = 'L’alluce ‘valgo’ dell\u00a0paziente  –  ok.'
    expect(parse(text).blocks).toEqual([{ type: 'paragraph', text }])
    expect(parse('Perché l’intervento').blocks).toEqual([
      { type: 'heading', level: 2, text: 'Perché l’intervento' },
    ])
  })

  it('treats several blank and whitespace-only lines as one separator', () => {
    const article = parsePlainTextArticle('\n\n  Titolo  \n\n\n \t \n\u00a0\nUno.\n\n\n\nDue.   ')
    expect(article).toEqual({
      title: 'Titolo',
      blocks: [
        { type: 'paragraph', text: 'Uno.' },
        { type: 'paragraph', text: 'Due.' },
      ],
    })
  })

  it('keeps body lines written directly under the title', () => {
    expect(parsePlainTextArticle('Titolo\nSubito il testo.\n\nAltro.').blocks).toEqual([
      { type: 'paragraph', text: 'Subito il testo.' },
      { type: 'paragraph', text: 'Altro.' },
    ])
  })

  it('accepts a title of exactly 200 characters', () => {
    expect(parsePlainTextArticle(`${'t'.repeat(200)}\n\nTesto.`).title).toHaveLength(200)
  })
})

describe('parsePlainTextArticle errors', () => {
  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', ' \n\t\r\n\u00a0  \n'],
    ['a BOM-only file', '\uFEFF\n'],
  ])('rejects %s with code EMPTY and a clear message', (_label, input) => {
    const error = captureError(() => parsePlainTextArticle(input))
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('TextImportError')
    expect(error.code).toBe('EMPTY')
    expect(error.message).toBe(
      'The file is empty: an article needs a title line followed by paragraphs.',
    )
  })

  it.each([
    ['a NUL byte', 'Titolo\n\nTesto\u0000 rotto.', 'U+0000', 'line 3'],
    ['a PNG header', '\u0089PNG\r\n\u001a\n\u0000\u0000', 'U+0089', 'line 1'],
    ['an escape character', 'Titolo\n\n\u001b[31mrosso', 'U+001B', 'line 3'],
  ])('rejects input containing %s as BINARY', (_label, input, codePoint, line) => {
    const error = captureError(() => parsePlainTextArticle(input))
    expect(error.code).toBe('BINARY')
    expect(error.message).toContain(codePoint)
    expect(error.message).toContain(line)
  })

  it('rejects a first line too long to be a title with NO_TITLE', () => {
    const error = captureError(() => parsePlainTextArticle(`${'t'.repeat(201)}\n\nTesto.`))
    expect(error.code).toBe('NO_TITLE')
    expect(error.message).toContain('201 characters')
  })

  it('rejects a title without any body with NO_BODY', () => {
    const error = captureError(() => parsePlainTextArticle('Solo il titolo\r\n\r\n  \r\n'))
    expect(error.code).toBe('NO_BODY')
    expect(error.message).toContain('Solo il titolo')
  })
})
