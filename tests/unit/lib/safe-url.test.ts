import { describe, expect, it } from '@jest/globals'
import { safeHref } from '@/lib/richtext/safe-url'

describe('safeHref', () => {
  it.each([
    ['http://example.org/page', 'http://example.org/page'],
    ['https://www.salute.gov.it/portale?x=1#y', 'https://www.salute.gov.it/portale?x=1#y'],
    ['HTTPS://EXAMPLE.ORG', 'HTTPS://EXAMPLE.ORG'],
    ['mailto:info@clinica.example', 'mailto:info@clinica.example'],
    ['tel:+390212345678', 'tel:+390212345678'],
    ['/blog/alluce-valgo', '/blog/alluce-valgo'],
    ['#sintomi', '#sintomi'],
    ['  https://example.org/  ', 'https://example.org/'],
    ['https://exa\nmple.org/\tpath', 'https://example.org/path'],
  ])('keeps the allowed target %j as %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    [' javascript:alert(1)'],
    ['java script:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['DATA:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.org/file'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\n/evil.example'],
    ['\\\\evil.example'],
    ['evil.example/path'],
    ['www.example.org'],
    [''],
    ['   '],
    ['\n\t'],
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeNull()
  })

  it.each([[undefined], [null], [42], [{ url: 'https://example.org' }], [['https://example.org']]])(
    'refuses the non-string %j',
    (input) => {
      expect(safeHref(input)).toBeNull()
    },
  )
})
