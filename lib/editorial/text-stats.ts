import { countWords } from '@/lib/article/reading-time'

export { countWords }

/**
 * Lower-case abbreviations (without their final dot) whose dot never ends a sentence.
 * Single letters ("n.", initials like "M. Rossi") are handled separately.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'art',
  'artt',
  'ca',
  'cfr',
  'dott',
  'dott.ssa',
  'dott.ri',
  'dr',
  'dr.ssa',
  'ecc',
  'es',
  'fig',
  'figg',
  'nn',
  'p.es',
  'pag',
  'pagg',
  'prof',
  'prof.ssa',
  's.p.a',
  's.r.l',
  'sig',
  'sig.ra',
  'sigg',
  'tel',
  'vol',
])

// Opening quotes/brackets before a word and closing ones after its final punctuation.
const LEADING_OPENERS = /^["'«“‘([]+/
const TRAILING_CLOSERS = /["'»”’)\]]+$/
const HAS_CONTENT = /[\p{L}\p{N}]/u

/**
 * Counts sentences. A sentence ends at `.`, `!`, `?`, `…` (runs such as "?!" or "..." count
 * once) and at the end of every line, since paragraphs and headings are separate lines.
 * The dot of a known abbreviation ("Dott.", "ecc.", "S.r.l.") or of a single letter
 * ("n.", initials) does not end a sentence, and neither do dots inside numbers ("2.5", "9.30").
 * Known limit: an abbreviation that really closes a sentence in mid-paragraph is not counted.
 */
export function countSentences(text: string): number {
  let sentences = 0
  for (const line of text.split(/\r\n|\r|\n/)) {
    let hasContent = false
    for (const word of line.split(/[\s\u00a0]+/)) {
      if (word === '') continue
      if (HAS_CONTENT.test(word)) hasContent = true
      if (hasContent && endsSentence(word)) {
        sentences += 1
        hasContent = false
      }
    }
    if (hasContent) sentences += 1
  }
  return sentences
}

function endsSentence(word: string): boolean {
  const bare = word.replace(TRAILING_CLOSERS, '')
  if (/[!?…]$/.test(bare) || /\.\.$/.test(bare)) return true
  if (!bare.endsWith('.')) return false
  // Elided articles are dropped, so "dell’art." is checked as "art.".
  const stem = bare
    .slice(0, -1)
    .replace(LEADING_OPENERS, '')
    .replace(/^.*['’]/, '')
    .toLowerCase()
  if (ABBREVIATIONS.has(stem)) return false
  // A single letter followed by a dot is an initial or an abbreviation such as "n.".
  return !/^\p{L}$/u.test(stem)
}

/** Counts Unicode letters: accented letters count, apostrophes, digits and punctuation do not. */
export function countLetters(text: string): number {
  return text.normalize('NFC').match(/\p{L}/gu)?.length ?? 0
}

/** Words per sentence, rounded to one decimal; 0 for text without sentences. */
export function averageSentenceLength(text: string): number {
  const sentences = countSentences(text)
  if (sentences === 0) return 0
  return Math.round((countWords(text) / sentences) * 10) / 10
}
