import { describe, expect, it } from '@jest/globals'
import { authorPath, blogPath, categoryPath, postPath, sitePath } from '@/lib/paths'

describe('public paths', () => {
  it('builds post, category and author paths', () => {
    expect(postPath('alluce-valgo')).toBe('/blog/alluce-valgo')
    expect(categoryPath('piede')).toBe('/categorie/piede')
    expect(authorPath('marco-ferri')).toBe('/autori/marco-ferri')
  })

  it('gives page 1 of a listing its own address and later pages /pagina/<n>', () => {
    expect([1, 2, 50].map((page) => blogPath(page))).toEqual([
      '/blog',
      '/blog/pagina/2',
      '/blog/pagina/50',
    ])
    expect(categoryPath('piede', 1)).toBe('/categorie/piede')
    expect(categoryPath('piede', 50)).toBe('/categorie/piede/pagina/50')
    expect(authorPath('marco-ferri', 2)).toBe('/autori/marco-ferri/pagina/2')
  })
})

describe('sitePath', () => {
  const site = 'http://localhost:3000'

  it.each([
    ['http://localhost:3000/api/media/file/a.png', '/api/media/file/a.png'],
    ['http://localhost:3000/api/media/file/a%20b.png?v=2', '/api/media/file/a%20b.png?v=2'],
    ['http://localhost:3000/', '/'],
  ])('makes %j site-relative: %j', (url, expected) => {
    expect(sitePath(url, site)).toBe(expected)
  })

  it.each([
    ['/api/media/file/a.png'],
    ['https://cdn.example.org/a.png'],
    // Same prefix, different origin: must not be cut.
    ['http://localhost:30001/api/media/file/a.png'],
    ['http://localhost:3000.evil.example/a.png'],
    ['https://localhost:3000/api/media/file/a.png'],
    ['http://localhost:3000'],
  ])('leaves %j unchanged', (url) => {
    expect(sitePath(url, site)).toBe(url)
  })

  it('works with a production origin', () => {
    expect(
      sitePath('https://www.clinica.example/api/media/file/x.jpg', 'https://www.clinica.example'),
    ).toBe('/api/media/file/x.jpg')
  })
})
