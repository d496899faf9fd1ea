import { describe, expect, it } from '@jest/globals'

import {
  TextImportError,
  articleBlocksToLexical,
  lexicalHeadings,
  lexicalToPlainText,
  parseInline,
  parseMarkdownArticle,
  type ArticleBlock,
  type RichArticleBlock,
} from '@/lib/text-import'

const text = (value: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
})
const common = { version: 1, direction: 'ltr', format: '', indent: 0 }

function importError(source: string): TextImportError {
  try {
    parseMarkdownArticle(source)
  } catch (error) {
    if (error instanceof TextImportError) return error
    throw error
  }
  throw new Error('expected a TextImportError')
}

describe('parseMarkdownArticle', () => {
  it('takes the first h1 as title and maps ## ### #### (and later #) to headings', () => {
    const { title, blocks } = parseMarkdownArticle(
      '\uFEFF# Alluce valgo: **cosa** fare\n\nIntro.\n\n## Sezione\n### Sotto\n#### Nota ####\n' +
        '# Secondo h1\n##### Profondo\n\n#hashtag non è un titolo',
    )
    expect(title).toBe('Alluce valgo: cosa fare')
    expect(blocks.filter((block) => block.type === 'heading')).toEqual([
      { type: 'heading', level: 2, text: 'Sezione' },
      { type: 'heading', level: 3, text: 'Sotto' },
      { type: 'heading', level: 4, text: 'Nota' },
      { type: 'heading', level: 2, text: 'Secondo h1' },
      { type: 'heading', level: 4, text: 'Profondo' },
    ])
    expect(blocks.at(-1)).toMatchObject({ type: 'paragraph', text: '#hashtag non è un titolo' })
  })

  it('joins the lines of a paragraph and splits paragraphs on blank lines', () => {
    const { blocks } = parseMarkdownArticle('# T\n\nRiga uno\n  riga due\n\n\nAltro.\r\n')
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Riga uno riga due', runs: [{ text: 'Riga uno riga due' }] },
      { type: 'paragraph', text: 'Altro.', runs: [{ text: 'Altro.' }] },
    ])
  })

  it('parses unordered and ordered lists, with continuation lines', () => {
    const { blocks } = parseMarkdownArticle(
      '# T\n\nPrima:\n- uno\n* due **forte**\n  continua\n\n1. primo\n2) secondo\n\nFine.',
    )
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Prima:', runs: [{ text: 'Prima:' }] },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ text: 'uno' }],
          [{ text: 'due ' }, { text: 'forte', bold: true }, { text: ' continua' }],
        ],
      },
      { type: 'list', ordered: true, items: [[{ text: 'primo' }], [{ text: 'secondo' }]] },
      { type: 'paragraph', text: 'Fine.', runs: [{ text: 'Fine.' }] },
    ])
  })

  it('keeps raw HTML as literal text', () => {
    const source = '# T\n\n<script>alert(1)</script> e <b onclick="x()">ciao</b>\n\n- <img src=x>'
    const { blocks } = parseMarkdownArticle(source)
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        text: '<script>alert(1)</script> e <b onclick="x()">ciao</b>',
        runs: [{ text: '<script>alert(1)</script> e <b onclick="x()">ciao</b>' }],
      },
      { type: 'list', ordered: false, items: [[{ text: '<img src=x>' }]] },
    ])
  })

  it('fails with the plain-text parser codes', () => {
    expect(importError('Solo testo\n\nsenza titolo').code).toBe('NO_TITLE')
    expect(importError('## Solo h2\n\ntesto').message).toMatch(/no title.*# Titolo/)
    expect(importError('').code).toBe('EMPTY')
    expect(importError(' \n\t\n').code).toBe('EMPTY')
    expect(importError('# T\n\nbin\u0000ario').code).toBe('BINARY')
    expect(importError('# Solo il titolo\n\n').code).toBe('NO_BODY')
    expect(importError(`# ${'x'.repeat(201)}\n\ntesto`).code).toBe('NO_TITLE')
  })
})

describe('parseInline', () => {
  it('parses strong, emphasis and their combinations', () => {
    expect(parseInline('a **b** *c* _d_ __e__ ***f***')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd', italic: true },
      { text: ' ' },
      { text: 'e', bold: true },
      { text: ' ' },
      { text: 'f', bold: true, italic: true },
    ])
    expect(parseInline('*a **b** c*')).toEqual([
      { text: 'a ', italic: true },
      { text: 'b', italic: true, bold: true },
      { text: ' c', italic: true },
    ])
  })

  it('leaves stray markers, intraword underscores and escapes literal', () => {
    expect(parseInline('2 * 3 * 4, snake_case_name, \\*no\\*, **')).toEqual([
      { text: '2 * 3 * 4, snake_case_name, *no*, **' },
    ])
  })

  it('keeps http(s), mailto:, tel: and site-relative links', () => {
    expect(
      parseInline(
        '[sito](https://example.com/a_(b)) [mail](mailto:info@example.com) ' +
          '[tel](tel:+390212345) [pagina](/blog/alluce "titolo") [**forte**](#sez)',
      ),
    ).toEqual([
      { text: 'sito', href: 'https://example.com/a_(b)' },
      { text: ' ' },
      { text: 'mail', href: 'mailto:info@example.com' },
      { text: ' ' },
      { text: 'tel', href: 'tel:+390212345' },
      { text: ' ' },
      { text: 'pagina', href: '/blog/alluce' },
      { text: ' ' },
      { text: 'forte', href: '#sez', bold: true },
    ])
  })

  it('turns unsafe links into plain text without their URL', () => {
    expect(
      parseInline(
        '[a](javascript:alert(1)) [b](data:text/html,x) [c](//evil.example) [d](JaVaScRiPt:x)',
      ),
    ).toEqual([{ text: 'a b c d' }])
    // Not a Markdown link at all (whitespace in the URL): literal text, never a link.
    expect(parseInline('[e](java\tscript:x)')).toEqual([{ text: '[e](java\tscript:x)' }])
  })
})

describe('articleBlocksToLexical with Markdown blocks', () => {
  it('emits list, listitem, link nodes and text format bits', () => {
    const blocks: RichArticleBlock[] = [
      {
        type: 'paragraph',
        text: 'x',
        runs: [
          { text: 'n ' },
          { text: 'b', bold: true },
          { text: 'i', italic: true },
          { text: 'bi', bold: true, italic: true },
          { text: 'l', href: 'https://example.com' },
          { text: 'l2', href: 'https://example.com', bold: true },
        ],
      },
      { type: 'list', ordered: false, items: [[{ text: 'uno' }], [{ text: 'due', italic: true }]] },
      { type: 'list', ordered: true, items: [[{ text: 'vai', href: '/blog' }]] },
    ]
    const [paragraph, bullets, numbers] = articleBlocksToLexical(blocks).root.children
    expect(paragraph).toEqual({
      type: 'paragraph',
      ...common,
      textFormat: 0,
      textStyle: '',
      children: [
        text('n '),
        text('b', 1),
        text('i', 2),
        text('bi', 3),
        {
          type: 'link',
          version: 3,
          fields: { linkType: 'custom', url: 'https://example.com', newTab: false },
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [text('l'), text('l2', 1)],
        },
      ],
    })
    expect(bullets).toEqual({
      type: 'list',
      listType: 'bullet',
      tag: 'ul',
      start: 1,
      ...common,
      children: [
        { type: 'listitem', value: 1, ...common, children: [text('uno')] },
        { type: 'listitem', value: 2, ...common, children: [text('due', 2)] },
      ],
    })
    expect(numbers).toMatchObject({
      type: 'list',
      listType: 'number',
      tag: 'ol',
      children: [
        { type: 'listitem', value: 1, children: [{ type: 'link', fields: { url: '/blog' } }] },
      ],
    })
  })

  it('gives plain-text blocks exactly the same output as before', () => {
    const plain: ArticleBlock[] = [
      { type: 'heading', level: 3, text: 'Titolo' },
      { type: 'paragraph', text: 'Testo.' },
      { type: 'paragraph', text: '' },
    ]
    expect(articleBlocksToLexical(plain).root.children).toEqual([
      { type: 'heading', tag: 'h3', ...common, children: [text('Titolo')] },
      { type: 'paragraph', ...common, textFormat: 0, textStyle: '', children: [text('Testo.')] },
      { type: 'paragraph', ...common, textFormat: 0, textStyle: '', children: [] },
    ])
  })

  it('round-trips a parsed article through the plain-text readers', () => {
    const { blocks } = parseMarkdownArticle(
      '# T\n\nIntro con [link](https://example.com).\n\n## Passi\n\n1. uno\n2. **due**',
    )
    const state = articleBlocksToLexical(blocks)
    expect(lexicalToPlainText(state)).toBe('Intro con link.\n\nPassi\n\nuno\ndue')
    expect(lexicalHeadings(state)).toEqual([{ level: 2, text: 'Passi' }])
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })
})
