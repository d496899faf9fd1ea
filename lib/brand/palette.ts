import { accentContrast, AA_CONTRAST, DEFAULT_BRAND_COLOR, hexColor } from './contrast'

/**
 * The accent colours of the public site, derived from the Clinic global's brand colour: links
 * and buttons use `accent`; hover states and the skip link use the darker `accentDark`.
 */
export type BrandPalette = { accent: string; accentDark: string }

/** How much darker the hover shade is: 32% towards black keeps the hue and stays distinct. */
export const DARKEN_BY = 0.32

const toHex = (channels: number[]) =>
  `#${channels
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

/** The colour mixed with black by `amount` (0–1), channel by channel in sRGB. */
export function darken(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16)
  const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  return toHex(channels.map((c) => c * (1 - amount)))
}

/**
 * The palette for a stored brand colour. A value that is missing, malformed or too light
 * (saved before validation existed, or written around it) falls back to the default colour, so
 * the site never shows an unreadable accent. Mixing with black only raises the contrast against
 * the light backgrounds, so `accentDark` passes AA whenever `accent` does.
 */
export function brandPalette(stored: string | null | undefined): BrandPalette {
  const parsed = hexColor.safeParse(stored ?? '')
  const accent =
    parsed.success && accentContrast(parsed.data) >= AA_CONTRAST ? parsed.data : DEFAULT_BRAND_COLOR
  return { accent, accentDark: darken(accent, DARKEN_BY) }
}

/**
 * The CSS that overrides the stylesheet's default accent. `html:root` outranks the `:root` of
 * styles.css whatever the order of the two in the document. Only validated #rrggbb values reach
 * it, so nothing from the database can break out of the declaration.
 */
export function brandCss({ accent, accentDark }: BrandPalette): string {
  return `html:root{--color-accent:${accent};--color-accent-dark:${accentDark}}`
}
