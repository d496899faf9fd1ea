import { describe, expect, it } from '@jest/globals'

import {
  accentContrast,
  AA_CONTRAST,
  contrastRatio,
  DEFAULT_BRAND_COLOR,
} from '@/lib/brand/contrast'
import { brandCss, brandPalette, darken } from '@/lib/brand/palette'
import { cssString, printOriginCss } from '@/lib/brand/print'

describe('brand palette', () => {
  it('darkens towards black channel by channel', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080')
    expect(darken('#0b5e73', 0.32)).toBe('#07404e')
    expect(darken('#123456', 0)).toBe('#123456')
    expect(darken('#123456', 1)).toBe('#000000')
  })

  it('derives a darker shade that also passes AA on both light backgrounds', () => {
    for (const colour of [DEFAULT_BRAND_COLOR, '#1a4d8f', '#6b3fa0', '#a4262c', '#2d6a1f']) {
      const { accent, accentDark } = brandPalette(colour)
      expect(accent).toBe(colour)
      expect(accentContrast(accentDark)).toBeGreaterThanOrEqual(AA_CONTRAST)
      expect(contrastRatio(accentDark, '#ffffff')).toBeGreaterThan(contrastRatio(accent, '#ffffff'))
    }
  })

  it('normalises the case of a stored colour', () => {
    expect(brandPalette('#1A4D8F')).toEqual({ accent: '#1a4d8f', accentDark: '#123461' })
  })

  it('falls back to the default colour when the stored one is missing, malformed or too light', () => {
    const fallback = { accent: '#0b5e73', accentDark: '#07404e' }
    for (const stored of [null, undefined, '', 'red', '#fff', '#ffcc00', '#767676', 'x;}body{']) {
      expect(brandPalette(stored)).toEqual(fallback)
    }
  })

  it('writes the override as one declaration block that outranks :root', () => {
    expect(brandCss(brandPalette('#1a4d8f'))).toBe(
      'html:root{--color-accent:#1a4d8f;--color-accent-dark:#123461}',
    )
  })
})

describe('print origin', () => {
  it('writes the site origin as a CSS string, without a trailing slash', () => {
    expect(printOriginCss('https://www.clinica.example/')).toBe(
      'html:root{--site-origin:"https://www.clinica.example"}',
    )
    expect(printOriginCss('http://localhost:3000')).toBe(
      'html:root{--site-origin:"http://localhost:3000"}',
    )
  })

  it('escapes anything that could end the string or the rule', () => {
    expect(cssString('a"b}\\c\nd<')).toBe('"a\\22 b\\7d \\5c c\\a d\\3c "')
  })
})
