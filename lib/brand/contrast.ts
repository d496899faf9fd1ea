import { z } from 'zod'

/** WCAG 2.x AA for normal text. */
export const AA_CONTRAST = 4.5

/** The backgrounds the accent colour sits on (text links, buttons with white text, soft panels). */
export const ACCENT_BACKGROUNDS = ['#ffffff', '#f2f6f8'] as const

export const DEFAULT_BRAND_COLOR = '#0b5e73'

export const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Usa un colore esadecimale di 6 cifre, ad esempio #0b5e73.')
  .transform((value) => value.toLowerCase())

function channel(value: number): number {
  const c = value / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  )
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The lowest contrast of the colour against every background the accent is used on. */
export function accentContrast(hex: string): number {
  return Math.min(...ACCENT_BACKGROUNDS.map((background) => contrastRatio(hex, background)))
}

const formatRatio = (ratio: number) =>
  ratio.toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 2 })

/** Payload `validate` for the brand colour: a #rrggbb colour readable as text on white (AA). */
export function validateBrandColor(value: unknown): true | string {
  if (value == null || value === '') return true
  const parsed = hexColor.safeParse(value)
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Colore non valido.'
  const ratio = accentContrast(parsed.data)
  if (ratio >= AA_CONTRAST) return true
  return `Contrasto troppo basso sugli sfondi chiari del sito: ${formatRatio(ratio)}:1, serve almeno ${formatRatio(AA_CONTRAST)}:1 (WCAG AA). Scegli una tonalità più scura.`
}
