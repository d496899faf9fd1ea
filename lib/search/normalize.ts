/**
 * Text normalisation for the site search. Documents and queries go through the same folding,
 * so "funzionalita" finds "funzionalità", "OSTEOTOMIE" finds "osteotomie" and "l’alluce"
 * finds "alluce". `normalizeWithMap` also keeps, for every normalised character, where it came
 * from in the original text, so snippets can highlight the original (accented) words.
 */

import { SPECIAL_LETTERS } from '@/lib/slug'

/** The longest query, in characters, the search accepts (the form's `maxLength`). */
export const MAX_QUERY_LENGTH = 200
/** At most this many terms are searched; the rest of a long query is ignored. */
export const MAX_TERMS = 8
/** Shorter terms ("l", "e", "a") match almost everything and are dropped. */
export const MIN_TERM_LENGTH = 2

const MARK = /^\p{M}$/u
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** Normalised text plus, for each of its characters, the original range it comes from. */
export type NormalizedText = {
  text: string
  /** `start[i]`: offset in the original text of the character that produced `text[i]`. */
  start: number[]
  /** `end[i]`: offset just after it (including any combining marks that followed it). */
  end: number[]
}

/** Folds one code point: lowercase, special letters spelled out, accents removed. */
function foldCodePoint(char: string): string {
  let folded = ''
  for (const lower of char.toLowerCase()) {
    folded += SPECIAL_LETTERS[lower] ?? lower
  }
  return folded.normalize('NFD').replace(/\p{M}+/gu, '')
}

const FOLD_CACHE_LIMIT = 5_000
const foldCache = new Map<string, string>()

/** `foldCodePoint`, remembered: a text repeats the same few accented letters. */
function foldCached(char: string): string {
  let folded = foldCache.get(char)
  if (folded === undefined) {
    folded = foldCodePoint(char)
    if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(char, folded)
  }
  return folded
}

/**
 * Normalises `text` character by character: lowercase, accents folded, everything that is
 * not a letter or a digit (apostrophes, punctuation, whitespace) turned into a single space,
 * no leading or trailing space. Each output character remembers its original offsets.
 */
export function normalizeWithMap(text: string): NormalizedText {
  let out = ''
  const start: number[] = []
  const end: number[] = []
  let offset = 0
  for (const char of text) {
    const from = offset
    offset += char.length
    const code = char.charCodeAt(0)
    // ASCII fast path (most of an Italian text): letters and digits kept, lowercased; the rest
    // separates words. Snippets normalise whole bodies on every search.
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        out += char
      } else if (code >= 65 && code <= 90) {
        out += String.fromCharCode(code + 32)
      } else {
        if (out.length === 0 || out.endsWith(' ')) continue
        out += ' '
      }
      start.push(from)
      end.push(offset)
      continue
    }
    const folded = foldCached(char)
    if (folded === '') {
      // A combining mark (text already in NFD form) belongs to the letter before it.
      const last = out.length - 1
      if (MARK.test(char) && last >= 0 && out[last] !== ' ') end[last] = offset
      continue
    }
    for (const piece of folded) {
      if (WORD_CHAR.test(piece)) {
        out += piece
        start.push(from)
        end.push(offset)
      } else if (out.length > 0 && !out.endsWith(' ')) {
        out += ' '
        start.push(from)
        end.push(offset)
      }
    }
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1)
    start.pop()
    end.pop()
  }
  return { text: out, start, end }
}

/** Lowercase, accent-free text with words separated by single spaces. */
export function normalizeForSearch(text: string): string {
  return normalizeWithMap(text).text
}

/**
 * The distinct terms of a query, in order: normalised, one-letter terms dropped, at most
 * `MAX_TERMS` of them.
 */
export function tokenizeQuery(query: string): string[] {
  const terms: string[] = []
  for (const term of normalizeForSearch(query).split(' ')) {
    if (term.length < MIN_TERM_LENGTH || terms.includes(term)) continue
    terms.push(term)
    if (terms.length === MAX_TERMS) break
  }
  return terms
}
