import { describe, expect, it } from '@jest/globals'

import {
  accentContrast,
  contrastRatio,
  DEFAULT_BRAND_COLOR,
  validateBrandColor,
} from '@/lib/brand/contrast'

describe('brand colour contrast (WCAG 2.x)', () => {
  it('computes the reference ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // WebAIM's checker: #767676 on white is the lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  })

  it('accepts the default colour and dark shades, on the lightest and the soft background', () => {
    expect(accentContrast(DEFAULT_BRAND_COLOR)).toBeGreaterThan(4.5)
    expect(validateBrandColor(DEFAULT_BRAND_COLOR)).toBe(true)
    expect(validateBrandColor('#1A4D8F')).toBe(true)
    expect(validateBrandColor('')).toBe(true)
    expect(validateBrandColor(null)).toBe(true)
  })

  it('refuses light colours with the measured ratio, in Italian', () => {
    expect(validateBrandColor('#ffcc00')).toBe(
      'Contrasto troppo basso sugli sfondi chiari del sito: 1,39:1, serve almeno 4,5:1 (WCAG AA). Scegli una tonalità più scura.',
    )
    // Passes on white (4.54:1) but not on the soft panels (#f2f6f8) where links also appear.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5)
    expect(validateBrandColor('#767676')).toMatch(/^Contrasto troppo basso.*4,1\d?:1/)
  })

  it('refuses what is not a #rrggbb colour', () => {
    for (const value of ['red', '#fff', '0b5e73', '#0b5e7', '#0b5e73ff', 'url(x)']) {
      expect(validateBrandColor(value)).toBe(
        'Usa un colore esadecimale di 6 cifre, ad esempio #0b5e73.',
      )
    }
  })
})
