import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import { render } from '@testing-library/react'

import { tableOfContents } from '@/lib/article/toc'
import { mainArticle } from '@/seed/factories/posts'

import { mockNextImageInterop } from './next-image'

mockNextImageInterop()
const { RichText } = await import('@/components/RichText')

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures', 'richtext')

const readJson = async (name: string): Promise<unknown> =>
  JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8'))

/** What the article body shows a reader: headings and their anchors, links, images, lists. */
function project(container: HTMLElement) {
  const attr = (element: Element, name: string) => element.getAttribute(name)
  return {
    headings: Array.from(container.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => ({
      tag: h.tagName.toLowerCase(),
      id: h.id,
      text: h.textContent,
    })),
    links: Array.from(container.querySelectorAll('a'), (a) => ({
      href: attr(a, 'href'),
      text: a.textContent,
      target: attr(a, 'target'),
      rel: attr(a, 'rel'),
    })),
    images: Array.from(container.querySelectorAll('img'), (img) => ({
      alt: attr(img, 'alt'),
      src: attr(img, 'src'),
      width: attr(img, 'width'),
      height: attr(img, 'height'),
      sizes: attr(img, 'sizes'),
      caption: img.closest('figure')?.querySelector('figcaption')?.textContent ?? null,
    })),
    lists: Array.from(container.querySelectorAll('ul, ol'), (list) => ({
      tag: list.tagName.toLowerCase(),
      items: Array.from(list.children, (item) => item.textContent),
    })),
    paragraphs: Array.from(container.querySelectorAll('p'), (p) => p.textContent),
    quotes: Array.from(container.querySelectorAll('blockquote'), (quote) => quote.textContent),
    rules: container.querySelectorAll('hr').length,
  }
}

describe('RichText compared with the hand-written renderer', () => {
  it('renders the seeded article body with the same headings, ids and text', async () => {
    const { content } = await mainArticle()
    const { container } = render(<RichText data={content} className="article__body" />)
    expect(project(container)).toEqual(await readJson('seeded-article.expected.json'))
    // The table of contents points at anchors that exist.
    const ids = new Set(Array.from(container.querySelectorAll('[id]'), (element) => element.id))
    const toc = tableOfContents(content)
    expect(toc.length).toBeGreaterThan(1)
    expect(toc.filter((entry) => !ids.has(entry.id))).toEqual([])
  })

  it('renders links, uploads and lists as before', async () => {
    const data = (await readJson('links-uploads-lists.json')) as Parameters<
      typeof RichText
    >[0]['data']
    const { container } = render(<RichText data={data} className="article__body" />)
    const before = (await readJson('links-uploads-lists.expected.json')) as ReturnType<
      typeof project
    >
    // The one intended difference: a heading with a line break ("Via Roma 1⏎Milano") had
    // the id "via-roma-1milano" in the article but "via-roma-1-milano" in the table of
    // contents; both now take the heading's text from one function, so they agree.
    expect(before.headings[3]?.id).toBe('via-roma-1milano')
    const expected = {
      ...before,
      headings: before.headings.map((heading, index) =>
        index === 3 ? { ...heading, id: 'via-roma-1-milano' } : heading,
      ),
    }
    expect(project(container)).toEqual(expected)
    expect(container.querySelector('script, iframe, object, embed')).toBeNull()
  })
})
