import { foldWithOffsets } from './fold'

export type Claim = { phrase: string; index: number; excerpt: string }

/**
 * Wording that Italian rules on health advertising forbid or that misleads patients,
 * written for folded text (lower case, no accents, apostrophes as `'`).
 * Only these forms are flagged: "garantire", "migliorare", "miglioramento" are not.
 * Comparative superlatives are limited to positive qualities ("il più efficace",
 * "la più sicura"), so neutral descriptions such as "la più invasiva" pass.
 */
const CLAIM_PATTERNS: readonly string[] = [
  '(?:il|la|i|le) miglior[ei]?',
  'garantit[oaie]',
  'garanzia di',
  'senza dolore',
  'indolor[ei]',
  '100\\s*%',
  'cento per cento',
  'miracolos[oaie]',
  'risultat[oi] cert[oi]',
  'nessun rischio',
  'definitiv[oaie]',
  "(?:il|lo|la|l'|i|gli|le) piu (?:efficac[ei]|sicur[oaie]|avanzat[oaie]|innovativ[oaie]|affidabil[ei])",
  'piu (?:efficac[ei]|sicur[oaie]) (?:di|del|dello|della|dei|degli|delle)',
  'meglio (?:di|del|dello|della|dei|degli|delle)',
]

const SEPARATED = CLAIM_PATTERNS.map((pattern) => pattern.replaceAll(' ', '\\s+'))
// Whole words only: no letter or digit may touch the match on either side.
const CLAIM_REGEX = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${SEPARATED.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
)

/** Characters of context kept on each side of a match in the excerpt (about 60 in all). */
const EXCERPT_CONTEXT = 25

/**
 * Every occurrence of a forbidden or misleading claim, in text order, case- and
 * accent-insensitive. Negated forms ("non è garantito che…") are still reported:
 * the editor decides. `index` and `phrase` refer to the original text.
 */
export function findClaims(text: string): Claim[] {
  const { folded, offsets } = foldWithOffsets(text)
  const claims: Claim[] = []
  for (const match of folded.matchAll(CLAIM_REGEX)) {
    const start = offsets[match.index] ?? 0
    const end = offsets[match.index + match[0].length] ?? text.length
    claims.push({
      phrase: text.slice(start, end),
      index: start,
      excerpt: excerpt(text, start, end),
    })
  }
  return claims
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT)
  const to = Math.min(text.length, end + EXCERPT_CONTEXT)
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim()
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`
}
