import { normalizeWithMap, type NormalizedText } from './normalize'

/** A piece of a snippet; `match` pieces are shown highlighted (`<mark>`). */
export type SnippetSegment = { text: string; match: boolean }

/** Characters of text in a snippet (ellipses excluded): short enough for a result list. */
export const SNIPPET_LENGTH = 180
/** How much text, at most, precedes the first match. */
const CONTEXT_BEFORE = 60
const ELLIPSIS = '…'
const EDGE_PUNCTUATION = /[\s,;:.–—-]/

type Range = { start: number; end: number }

/** Every occurrence of every term, as merged ranges of the ORIGINAL text, in order. */
function matchRanges(normalized: NormalizedText, terms: readonly string[]): Range[] {
  const ranges: Range[] = []
  for (const term of terms) {
    if (term === '') continue
    let at = normalized.text.indexOf(term)
    while (at !== -1) {
      const start = normalized.start[at]
      const end = normalized.end[at + term.length - 1]
      if (start !== undefined && end !== undefined) ranges.push({ start, end })
      at = normalized.text.indexOf(term, at + 1)
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

/** Moves a window start to a word boundary, never past `limit` (the first match). */
function alignStart(text: string, pos: number, limit: number): number {
  if (pos <= 0 || text[pos - 1] === ' ') return Math.max(pos, 0)
  const next = text.indexOf(' ', pos)
  if (next !== -1 && next + 1 <= limit) return next + 1
  return text.lastIndexOf(' ', pos - 1) + 1
}

/** Moves a window end back to a word boundary, never before `minEnd` (the first match's end). */
function alignEnd(text: string, pos: number, minEnd: number): number {
  if (pos >= text.length) return text.length
  if (text[pos] === ' ' || text[pos - 1] === ' ') return pos
  const previous = text.lastIndexOf(' ', pos - 1)
  if (previous >= minEnd) return previous
  const next = text.indexOf(' ', pos)
  return next === -1 ? text.length : next
}

function pushSegment(segments: SnippetSegment[], text: string, match: boolean): void {
  if (text === '') return
  const last = segments[segments.length - 1]
  if (last && last.match === match) last.text += text
  else segments.push({ text, match })
}

/** Splits `text[from, to)` into plain and highlighted segments. */
function toSegments(text: string, ranges: readonly Range[], from: number, to: number) {
  const segments: SnippetSegment[] = []
  let cursor = from
  for (const range of ranges) {
    const start = Math.max(range.start, from)
    const end = Math.min(range.end, to)
    if (start >= end || start < cursor) continue
    pushSegment(segments, text.slice(cursor, start), false)
    pushSegment(segments, text.slice(start, end), true)
    cursor = end
  }
  pushSegment(segments, text.slice(cursor, to), false)
  return segments
}

/** The whole text as segments, every occurrence of every term highlighted. */
export function highlightSegments(text: string, terms: readonly string[]): SnippetSegment[] {
  return toSegments(text, matchRanges(normalizeWithMap(text), terms), 0, text.length)
}

/**
 * A short extract of `text` (whitespace collapsed) around the first occurrence of any term,
 * cut at word boundaries with "…", with every occurrence of every term highlighted. Matching
 * runs on the normalised text; its offsets are mapped back, so the extract and the highlights
 * show the original spelling ("invasivita" highlights "invasività"). Without any match, the
 * beginning of the text.
 */
export function buildSnippet(
  text: string,
  terms: readonly string[],
  length: number = SNIPPET_LENGTH,
): SnippetSegment[] {
  return snippetOf(prepare(text), terms, length)
}

/** A text with its whitespace collapsed, and its normalised form (computed once per text). */
type Prepared = { clean: string; normalized: NormalizedText }

function prepare(text: string): Prepared {
  const clean = text.replace(/\s+/g, ' ').trim()
  return { clean, normalized: normalizeWithMap(clean) }
}

function snippetOf(
  { clean, normalized }: Prepared,
  terms: readonly string[],
  length: number,
): SnippetSegment[] {
  if (clean === '') return []
  const ranges = matchRanges(normalized, terms)
  const first = ranges[0] ?? { start: 0, end: 0 }

  let start = 0
  let end = clean.length
  if (clean.length > length) {
    start = alignStart(
      clean,
      Math.max(0, Math.min(first.start - CONTEXT_BEFORE, clean.length - length)),
      first.start,
    )
    end = alignEnd(clean, Math.min(clean.length, start + length), first.end)
  }
  // No dangling punctuation next to an ellipsis ("…, come" / "piede, …"), never into a match.
  const lastMatchEnd = ranges.reduce((max, r) => (r.end <= end ? Math.max(max, r.end) : max), 0)
  if (start > 0) {
    while (start < first.start && EDGE_PUNCTUATION.test(clean[start] ?? '')) start += 1
  }
  if (end < clean.length) {
    while (end > Math.max(start, lastMatchEnd) && EDGE_PUNCTUATION.test(clean[end - 1] ?? ''))
      end -= 1
  }

  const segments = toSegments(clean, ranges, start, end)
  if (start > 0) segments.unshift({ text: ELLIPSIS, match: false })
  if (end < clean.length) segments.push({ text: ELLIPSIS, match: false })
  // Merge the ellipses into their neighbours when those are plain text.
  return segments.reduce<SnippetSegment[]>((merged, segment) => {
    pushSegment(merged, segment.text, segment.match)
    return merged
  }, [])
}

/** The number of distinct terms that occur in a prepared text. */
function distinctTerms({ normalized }: Prepared, terms: readonly string[]): number {
  return terms.filter((term) => normalized.text.includes(term)).length
}

/**
 * The snippet of a search result: from the body when it contains at least as many of the
 * terms as the excerpt (it shows where the article talks about them), otherwise from the
 * excerpt; when neither matches (title-only match), the excerpt or the start of the body.
 * Each text is normalised once (a whole body, for every shown result of every search).
 */
export function buildResultSnippet(
  doc: { excerpt?: string | null; body: string },
  terms: readonly string[],
  length: number = SNIPPET_LENGTH,
): SnippetSegment[] {
  const excerpt = prepare(doc.excerpt ?? '')
  const body = prepare(doc.body)
  const inBody = distinctTerms(body, terms)
  const inExcerpt = distinctTerms(excerpt, terms)
  if (inBody > 0 && inBody >= inExcerpt) return snippetOf(body, terms, length)
  if (inExcerpt > 0 || excerpt.clean !== '') return snippetOf(excerpt, terms, length)
  return snippetOf(body, terms, length)
}
