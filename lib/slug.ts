/** Upper bound for generated slugs: long enough for SEO titles, short enough for clean URLs. */
export const SLUG_MAX_LENGTH = 120

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

// Letters that NFD does not decompose into "base letter + combining mark" (shared with search).
export const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}

const SPECIAL_LETTERS_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')

/**
 * Turns any human text into a URL slug: lowercase ASCII letters and digits separated by
 * single hyphens. Apostrophes, punctuation and whitespace all act as word separators,
 * so "Cos’è l’intervento" becomes "cos-e-l-intervento".
 */
export function slugify(input: string): string {
  const folded = input
    .toLowerCase()
    .replace(SPECIAL_LETTERS_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')

  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return truncateSlug(slug, SLUG_MAX_LENGTH)
}

/** True for strings slugify could have produced (ignoring length). */
export function isValidSlug(s: string): boolean {
  return SLUG_PATTERN.test(s)
}

// Cuts at a hyphen so that no word is chopped in half; a single over-long word is hard-cut.
function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug
  const hardCut = slug.slice(0, maxLength)
  if (slug[maxLength] === '-') return hardCut.replace(/-+$/, '')
  const lastHyphen = hardCut.lastIndexOf('-')
  const cut = lastHyphen > 0 ? hardCut.slice(0, lastHyphen) : hardCut
  return cut.replace(/-+$/, '')
}
