import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { mockNextImageInterop } from './next-image'

mockNextImageInterop()
const { RichText } = await import('@/components/RichText')

type Node = { type: string; [key: string]: unknown }

const text = (value: string, format = 0): Node => ({ type: 'text', text: value, format })
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children })
const heading = (tag: string, ...children: Node[]): Node => ({ type: 'heading', tag, children })
const listItem = (...children: Node[]): Node => ({ type: 'listitem', children })
const list = (listType: 'number' | 'bullet', ...children: Node[]): Node => ({
  type: 'list',
  listType,
  tag: listType === 'number' ? 'ol' : 'ul',
  children,
})
const customLink = (url: string, label: string, newTab = false): Node => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab },
  children: [text(label)],
})
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })

const renderDoc = (...children: unknown[]) =>
  render(<RichText data={doc(...children)} className="corpo" />)

describe('RichText', () => {
  it('renders nothing for null or undefined data', () => {
    expect(render(<RichText data={null} />).container.innerHTML).toBe('')
    expect(render(<RichText data={undefined} />).container.innerHTML).toBe('')
  })

  it('renders an empty wrapper with the class for a document without children', () => {
    const { container } = render(<RichText data={{ root: {} }} className="prose" />)
    expect(container.innerHTML).toBe('<div class="prose"></div>')
  })

  it('renders paragraphs in order', () => {
    const { container } = renderDoc(
      paragraph(text('L’alluce valgo è una deformità.')),
      paragraph(text('Si cura anche senza intervento.')),
    )
    const paragraphs = container.querySelectorAll('p')
    expect(Array.from(paragraphs, (p) => p.textContent)).toEqual([
      'L’alluce valgo è una deformità.',
      'Si cura anche senza intervento.',
    ])
  })

  it('renders h2, h3 and h4 headings with slug ids', () => {
    renderDoc(
      heading('h2', text('Cos’è l’alluce valgo?')),
      heading('h3', text('Sintomi principali')),
      heading('h4', text('Dolore al mattino')),
    )
    expect(
      screen.getByRole('heading', { level: 2, name: 'Cos’è l’alluce valgo?' }),
    ).toHaveAttribute('id', 'cos-e-l-alluce-valgo')
    expect(screen.getByRole('heading', { level: 3, name: 'Sintomi principali' })).toHaveAttribute(
      'id',
      'sintomi-principali',
    )
    expect(screen.getByRole('heading', { level: 4, name: 'Dolore al mattino' })).toHaveAttribute(
      'id',
      'dolore-al-mattino',
    )
  })

  it('suffixes repeated heading text with -2, -3 across levels', () => {
    const { container } = renderDoc(
      heading('h2', text('Terapia')),
      heading('h3', text('Terapia')),
      heading('h2', text('Terapia')),
    )
    expect(Array.from(container.querySelectorAll('h2, h3'), (h) => `${h.tagName}#${h.id}`)).toEqual(
      ['H2#terapia', 'H3#terapia-2', 'H2#terapia-3'],
    )
  })

  it('never gives two headings the same id, even when a heading text ends in a number', () => {
    const { container } = renderDoc(
      heading('h2', text('Intro')),
      heading('h2', text('Intro 2')),
      heading('h2', text('Intro')),
    )
    expect(Array.from(container.querySelectorAll('h2'), (h) => h.id)).toEqual([
      'intro',
      'intro-2',
      'intro-3',
    ])
  })

  it('builds heading ids from the text of all formatted and linked children', () => {
    renderDoc(
      heading('h2', text('Recupero '), text('dopo', 1), {
        type: 'link',
        fields: { linkType: 'custom', url: 'https://example.org' },
        children: [text(' l’intervento')],
      }),
    )
    expect(screen.getByRole('heading', { level: 2 })).toHaveAttribute(
      'id',
      'recupero-dopo-l-intervento',
    )
  })

  it('renders h1, h5, h6 and tagless headings as h2, and empty headings get a fallback id', () => {
    const { container } = renderDoc(
      heading('h1', text('Titolo')),
      heading('h6', text('Nota')),
      { type: 'heading', children: [text('Senza tag')] },
      heading('h2', text('???')),
    )
    expect(container.querySelectorAll('h1, h3, h4, h5, h6')).toHaveLength(0)
    expect(Array.from(container.querySelectorAll('h2'), (h) => h.id)).toEqual([
      'titolo',
      'nota',
      'senza-tag',
      'sezione',
    ])
  })

  // Payload's own text converter: semantic tags, underline and strikethrough as styled spans.
  it.each([
    [1, '<strong>x</strong>'],
    [2, '<em>x</em>'],
    [4, '<span style="text-decoration: line-through;">x</span>'],
    [8, '<span style="text-decoration: underline;">x</span>'],
    [16, '<code>x</code>'],
    [32, '<sub>x</sub>'],
    [64, '<sup>x</sup>'],
    [3, '<em><strong>x</strong></em>'],
    [17, '<code><strong>x</strong></code>'],
    [0, 'x'],
  ])('renders text format %i as %s', (format, html) => {
    const { container } = renderDoc(paragraph(text('x', format)))
    expect(container.querySelector('p')?.innerHTML).toBe(html)
  })

  it('renders numbered lists as <ol> and bullet lists as <ul>, with nesting', () => {
    const { container } = renderDoc(
      list('number', listItem(text('Riposo')), listItem(text('Ghiaccio'))),
      list(
        'bullet',
        listItem(text('Plantari')),
        listItem(list('bullet', listItem(text('Su misura')), listItem(text('Standard')))),
      ),
    )
    const ol = container.querySelector('div > ol') as HTMLElement
    expect(Array.from(within(ol).getAllByRole('listitem'), (li) => li.textContent)).toEqual([
      'Riposo',
      'Ghiaccio',
    ])
    const ul = container.querySelector('div > ul') as HTMLElement
    expect(ul.querySelectorAll(':scope > li')).toHaveLength(2)
    expect(Array.from(ul.querySelectorAll('li > ul > li'), (li) => li.textContent)).toEqual([
      'Su misura',
      'Standard',
    ])
    expect(container.querySelectorAll('ol')).toHaveLength(1)
  })

  it('ignores alignment and indentation (not editor features): no inline styles', () => {
    const { container } = renderDoc(
      { ...paragraph(text('Centrato')), format: 'center', indent: 2 },
      { ...heading('h2', text('Rientrato')), format: 'right', indent: 1 },
    )
    expect(container.innerHTML).toBe(
      '<div class="corpo"><p>Centrato</p><h2 id="rientrato">Rientrato</h2></div>',
    )
  })

  it('renders quotes as <blockquote>', () => {
    const { container } = renderDoc({
      type: 'quote',
      children: [text('Camminare senza dolore è possibile.')],
    })
    expect(container.querySelector('blockquote')?.textContent).toBe(
      'Camminare senza dolore è possibile.',
    )
  })

  it('renders line breaks, tabs and horizontal rules', () => {
    const { container } = renderDoc(
      paragraph(
        text('Via Roma 1'),
        { type: 'linebreak' },
        text('Milano'),
        { type: 'tab' },
        text('MI'),
      ),
      { type: 'horizontalrule' },
    )
    expect(container.querySelector('p')?.innerHTML).toBe('Via Roma 1<br>Milano\tMI')
    expect(container.querySelectorAll('hr')).toHaveLength(1)
  })

  describe('links', () => {
    it.each([
      ['http://example.org/pagina', 'http://example.org/pagina'],
      ['https://www.salute.gov.it/', 'https://www.salute.gov.it/'],
      ['mailto:info@clinica.example', 'mailto:info@clinica.example'],
      ['tel:+390212345678', 'tel:+390212345678'],
      ['#sintomi', '#sintomi'],
      ['/blog/fascite-plantare', '/blog/fascite-plantare'],
    ])('keeps the link %j', (url, href) => {
      renderDoc(paragraph(customLink(url, 'qui')))
      const link = screen.getByRole('link', { name: 'qui' })
      expect(link).toHaveAttribute('href', href)
      expect(link).not.toHaveAttribute('target')
      expect(link).not.toHaveAttribute('rel')
    })

    it.each([
      ['javascript:alert(1)'],
      ['JaVaScRiPt:alert(1)'],
      ['java\nscript:alert(1)'],
      ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['//evil.example'],
      ['vbscript:msgbox(1)'],
      [''],
    ])('renders the unsafe link %j as plain text', (url) => {
      const { container } = renderDoc(paragraph(text('Clicca '), customLink(url, 'qui', true)))
      expect(container.querySelector('a')).toBeNull()
      expect(screen.queryByRole('link')).toBeNull()
      expect(container.querySelector('p')?.innerHTML).toBe('Clicca <span>qui</span>')
    })

    it('renders a link without fields as plain text', () => {
      const { container } = renderDoc(paragraph({ type: 'link', children: [text('nessun url')] }))
      expect(container.querySelector('a')).toBeNull()
      expect(container.textContent).toBe('nessun url')
    })

    it('opens newTab links in a new tab with rel="noopener noreferrer"', () => {
      renderDoc(paragraph(customLink('https://www.salute.gov.it/', 'Ministero', true)))
      const link = screen.getByRole('link', { name: 'Ministero' })
      expect(link).toHaveAttribute('href', 'https://www.salute.gov.it/')
      expect(link).toHaveAttribute('target', '_blank')
      expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    })

    it('links internal references to posts to /blog/<slug>', () => {
      renderDoc(
        paragraph({
          type: 'link',
          fields: {
            linkType: 'internal',
            doc: { relationTo: 'posts', value: { id: 'post-alluce-valgo', slug: 'alluce-valgo' } },
          },
          children: [text('Leggi l’articolo')],
        }),
      )
      expect(screen.getByRole('link', { name: 'Leggi l’articolo' })).toHaveAttribute(
        'href',
        '/blog/alluce-valgo',
      )
    })

    it.each([
      ['an unpopulated post', { relationTo: 'posts', value: 'post-alluce-valgo' }],
      ['a post without slug', { relationTo: 'posts', value: { id: 'post-alluce-valgo' } }],
      [
        'another collection',
        { relationTo: 'categories', value: { id: 'category-piede', slug: 'piede' } },
      ],
      ['a missing doc', undefined],
    ])('renders an internal link to %s as plain text', (_label, linkedDoc) => {
      const { container } = renderDoc(
        paragraph({
          type: 'link',
          fields: { linkType: 'internal', doc: linkedDoc, url: 'https://example.org' },
          children: [text('collegamento')],
        }),
      )
      expect(container.querySelector('a')).toBeNull()
      expect(container.textContent).toBe('collegamento')
    })

    it('renders autolinks through the same URL check', () => {
      const { container } = renderDoc(
        paragraph(
          {
            type: 'autolink',
            fields: { url: 'https://example.org' },
            children: [text('example.org')],
          },
          {
            type: 'autolink',
            fields: { url: 'javascript:alert(1)' },
            children: [text('trappola')],
          },
        ),
      )
      const links = container.querySelectorAll('a')
      expect(links).toHaveLength(1)
      expect(links[0]).toHaveAttribute('href', 'https://example.org')
      expect(links[0]).toHaveTextContent('example.org')
      expect(container.textContent).toBe('example.orgtrappola')
    })
  })

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<a href="javascript:alert(1)">x</a>'],
  ])('renders the markup in %j as literal text', (markup) => {
    const { container } = renderDoc(paragraph(text(markup, 1)), heading('h2', text(markup)))
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('a')).toBeNull()
    expect(container.querySelector('p')?.textContent).toBe(markup)
    expect(container.querySelector('h2')?.textContent).toBe(markup)
  })

  it('skips node types without a converter (blocks, raw HTML, unknown)', () => {
    const { container } = renderDoc(
      paragraph(text('Prima')),
      {
        type: 'block',
        fields: { blockType: 'html', html: '<b>raw</b>' },
        children: [text('nascosto')],
      },
      { type: 'html', value: '<iframe src="https://evil.example"></iframe>' },
      paragraph(text('Dopo'), { type: 'mystery', children: [text('nascosto')] }),
    )
    expect(container.innerHTML).toBe('<div class="corpo"><p>Prima</p><p>Dopo</p></div>')
  })

  describe('uploads', () => {
    it('renders an image upload as a figure with next/image and its caption', () => {
      const { container } = renderDoc({
        type: 'upload',
        relationTo: 'media',
        value: {
          url: '/api/media/file/radiografia.jpg',
          alt: 'Radiografia del piede',
          width: 1200,
          height: 800,
          mimeType: 'image/jpeg',
          caption: 'Prima dell’intervento',
        },
      })
      const figure = container.querySelector('figure') as HTMLElement
      const img = within(figure).getByRole('img', { name: 'Radiografia del piede' })
      expect(img).toHaveAttribute('width', '1200')
      expect(img).toHaveAttribute('height', '800')
      expect(img.getAttribute('src')).toContain('url=%2Fapi%2Fmedia%2Ffile%2Fradiografia.jpg')
      expect(figure.querySelector('figcaption')?.textContent).toBe('Prima dell’intervento')
    })

    it.each([
      ['a PDF', { url: '/api/media/file/a.pdf', alt: 'PDF', mimeType: 'application/pdf' }],
      ['an unpopulated id', 5],
      ['a missing value', undefined],
    ])('renders nothing for %s', (_label, value) => {
      const { container } = renderDoc({ type: 'upload', value })
      expect(container.innerHTML).toBe('<div class="corpo"></div>')
    })
  })
})
