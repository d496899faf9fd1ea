import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  articleBlocksToLexical,
  lexicalHeadings,
  lexicalToPlainText,
  parsePlainTextArticle,
  type ArticleBlock,
  type LexicalStateLike,
} from '@/lib/text-import'

const blocks: ArticleBlock[] = [
  { type: 'heading', level: 2, text: 'Cos’è l’intervento' },
  { type: 'paragraph', text: 'Prima frase\u00a0con NBSP – e trattino.' },
  { type: 'heading', level: 3, text: 'Dettagli' },
  { type: 'heading', level: 4, text: 'Note' },
  { type: 'paragraph', text: 'Fine.' },
]

const textNode = (text: string) => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
})

describe('articleBlocksToLexical', () => {
  const state = articleBlocksToLexical(blocks)

  it('wraps the blocks in the root node Payload expects', () => {
    const { children, ...root } = state.root
    expect(Object.keys(state)).toEqual(['root'])
    expect(root).toEqual({ type: 'root', version: 1, direction: 'ltr', format: '', indent: 0 })
    expect(children).toHaveLength(blocks.length)
  })

  it('builds heading nodes with the right tag', () => {
    expect(state.root.children[0]).toEqual({
      type: 'heading',
      tag: 'h2',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [textNode('Cos’è l’intervento')],
    })
    expect(state.root.children.map((n) => (n.type === 'heading' ? n.tag : null))).toEqual([
      'h2',
      null,
      'h3',
      'h4',
      null,
    ])
  })

  it('builds paragraph nodes with text format/style fields and the text verbatim', () => {
    expect(state.root.children[1]).toEqual({
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: [textNode('Prima frase\u00a0con NBSP – e trattino.')],
    })
  })

  it('gives an empty block no text node, as Lexical would', () => {
    const empty = articleBlocksToLexical([{ type: 'paragraph', text: '' }])
    expect(empty.root.children[0]?.children).toEqual([])
  })

  it('produces plain JSON that survives serialisation unchanged', () => {
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })
})

describe('lexicalToPlainText and lexicalHeadings', () => {
  it('round-trips the blocks text', () => {
    const state = articleBlocksToLexical(blocks)
    expect(lexicalToPlainText(state)).toBe(blocks.map((b) => b.text).join('\n\n'))
    expect(lexicalHeadings(state)).toEqual([
      { level: 2, text: 'Cos’è l’intervento' },
      { level: 3, text: 'Dettagli' },
      { level: 4, text: 'Note' },
    ])
  })

  it('round-trips the real seed article', () => {
    const raw = readFileSync(
      join(process.cwd(), 'seed/content/intervento-mini-invasivo-alluce-valgo.txt'),
      'utf8',
    )
    const article = parsePlainTextArticle(raw)
    const state = articleBlocksToLexical(article.blocks)
    const expected = raw
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .slice(1)
      .join('\n\n')
    expect(lexicalToPlainText(state)).toBe(expected)
    expect(lexicalHeadings(state).map((h) => h.text)).toEqual([
      article.title,
      'I vantaggi di questa procedura chirurgica',
    ])
  })

  it('walks editor-made trees: inline formatting, links, line breaks, lists, unknown nodes', () => {
    const state: LexicalStateLike = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Vedi ' },
              { type: 'link', children: [{ type: 'text', text: 'la guida' }] },
              { type: 'linebreak' },
              { type: 'text', text: 'riga due' },
            ],
          },
          { type: 'paragraph', children: [] },
          { type: 'upload', value: 'abc' },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'text', text: 'uno' }] },
              { type: 'listitem', children: [{ type: 'text', text: 'due' }] },
            ],
          },
          {
            type: 'quote',
            children: [
              { type: 'heading', tag: 'h5', children: [{ type: 'text', text: 'Nidificato' }] },
            ],
          },
          {
            type: 'heading',
            tag: 'not-a-tag',
            children: [{ type: 'text', text: 'Senza livello' }],
          },
          {
            type: 'paragraph',
            children: [null, 42, { type: 'text', text: 7 }, { type: 'text', text: 'ok' }],
          },
        ],
      },
    }
    expect(lexicalToPlainText(state)).toBe(
      'Vedi la guida\nriga due\n\nuno\ndue\n\nNidificato\n\nSenza livello\n\nok',
    )
    expect(lexicalHeadings(state)).toEqual([{ level: 5, text: 'Nidificato' }])
  })

  it('returns empty results for an empty document', () => {
    const state = articleBlocksToLexical([])
    expect(state.root.children).toEqual([])
    expect(lexicalToPlainText(state)).toBe('')
    expect(lexicalHeadings(state)).toEqual([])
  })
})
