import { countLetters, countSentences, countWords } from './text-stats'

export type GulpeaseBand = 'elementare' | 'media' | 'superiore' | 'difficile'

export type GulpeaseResult = { score: number; band: GulpeaseBand; label: string }

/**
 * Plain-Italian reading levels. Cut-offs apply to the rounded score:
 * - score ≥ 80 → 'elementare' (below 80 the text is hard for readers with elementary schooling);
 * - 60–79 → 'media' (below 60 it is hard for readers with middle-school education);
 * - 40–59 → 'superiore' (below 40 it is hard even for readers with a high-school diploma);
 * - score < 40 → 'difficile'.
 */
export const GULPEASE_BANDS: readonly { min: number; band: GulpeaseBand; label: string }[] = [
  { min: 80, band: 'elementare', label: 'facile anche per chi ha la licenza elementare' },
  { min: 60, band: 'media', label: 'facile per chi ha la licenza media' },
  { min: 40, band: 'superiore', label: 'facile per chi ha un diploma superiore' },
  { min: -Infinity, band: 'difficile', label: 'difficile anche per chi ha un diploma superiore' },
]

/**
 * Gulpease readability index for Italian:
 * `89 + (300 × sentences − 10 × letters) / words`, clamped to 0–100 and rounded.
 * Returns null when the text has no words.
 */
export function gulpease(text: string): GulpeaseResult | null {
  const words = countWords(text)
  if (words === 0) return null
  const sentences = Math.max(1, countSentences(text))
  const raw = 89 + (300 * sentences - 10 * countLetters(text)) / words
  const score = Math.round(Math.min(100, Math.max(0, raw)))
  return { score, ...gulpeaseBand(score) }
}

export function gulpeaseBand(score: number): { band: GulpeaseBand; label: string } {
  const found = GULPEASE_BANDS.find((entry) => score >= entry.min)
  return found
    ? { band: found.band, label: found.label }
    : { band: 'difficile', label: 'difficile anche per chi ha un diploma superiore' }
}
