const APOSTROPHES = /[’‘ʼ`´]/g

/** One character folded for matching: lower case, no accents, every apostrophe as `'`. */
function foldChar(char: string): string {
  return char
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Folds a whole string (accent- and case-insensitive, apostrophes normalised, spaces collapsed). */
export function foldText(text: string): string {
  return [...text]
    .map(foldChar)
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

/**
 * Folds text character by character and remembers, for each folded UTF-16 unit, the offset
 * of the original character it came from, so matches can be mapped back to the source.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = ''
  const offsets: number[] = []
  let index = 0
  for (const char of text) {
    const piece = foldChar(char)
    folded += piece
    for (let i = 0; i < piece.length; i += 1) offsets.push(index)
    index += char.length
  }
  offsets.push(index)
  return { folded, offsets }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** True when `phrase` occurs in `text` as whole words, ignoring case, accents and apostrophe style. */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = foldText(phrase)
  if (needle === '') return false
  const words = needle.split(' ').map(escapeRegExp).join('\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u').test(foldText(text))
}
