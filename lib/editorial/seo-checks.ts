import { slugify } from '@/lib/slug'
import { lexicalHeadings, type LexicalStateLike } from '@/lib/text-import'
import { containsPhrase } from './fold'

export type SeoCheckId =
  | 'meta-title-length'
  | 'meta-description-length'
  | 'focus-keyphrase'
  | 'keyphrase-title'
  | 'keyphrase-first-paragraph'
  | 'keyphrase-slug'
  | 'keyphrase-meta-description'
  | 'heading-structure'
  | 'image-alt'

export type SeoCheck = { id: SeoCheckId; ok: boolean; message: string }

export type SeoInput = {
  title?: string | null
  slug?: string | null
  metaTitle?: string | null
  metaDescription?: string | null
  focusKeyphrase?: string | null
  content?: LexicalStateLike | null
}

/** Inclusive character ranges (Unicode code points, edges trimmed). */
export const META_TITLE_RANGE = { min: 50, max: 60 } as const
export const META_DESCRIPTION_RANGE = { min: 120, max: 160 } as const

/** On-page SEO checks for a post, with Italian messages for the editor. */
export function seoChecks(input: SeoInput): SeoCheck[] {
  return [
    lengthCheck('meta-title-length', 'Il meta title', 'o', input.metaTitle, META_TITLE_RANGE),
    lengthCheck(
      'meta-description-length',
      'La meta description',
      'a',
      input.metaDescription,
      META_DESCRIPTION_RANGE,
    ),
    ...keyphraseChecks(input),
    headingCheck(input.content),
    imageAltCheck(input.content),
  ]
}

function lengthCheck(
  id: SeoCheckId,
  subject: string,
  // Gender ending of the adjectives: "vuoto/corto/lungo" or "vuota/corta/lunga".
  ending: 'o' | 'a',
  value: string | null | undefined,
  range: { min: number; max: number },
): SeoCheck {
  const length = [...(value ?? '').trim()].length
  const advice = `(consigliati ${range.min}–${range.max})`
  if (length === 0) return { id, ok: false, message: `${subject} è vuot${ending} ${advice}.` }
  if (length < range.min) {
    return {
      id,
      ok: false,
      message: `${subject} è troppo cort${ending}: ${length} caratteri ${advice}.`,
    }
  }
  if (length > range.max) {
    return {
      id,
      ok: false,
      message: `${subject} è troppo lung${ending}: ${length} caratteri ${advice}.`,
    }
  }
  return { id, ok: true, message: `${subject} ha una lunghezza corretta: ${length} caratteri.` }
}

function keyphraseChecks(input: SeoInput): SeoCheck[] {
  const keyphrase = input.focusKeyphrase?.trim() ?? ''
  if (keyphrase === '') {
    return [
      {
        id: 'focus-keyphrase',
        ok: false,
        message: 'Imposta una frase chiave per controllare titolo, slug e testo.',
      },
    ]
  }
  const quoted = `«${keyphrase}»`
  const inText = (id: SeoCheckId, where: string, text: string | null | undefined): SeoCheck => {
    const ok = containsPhrase(text ?? '', keyphrase)
    return {
      id,
      ok,
      message: ok
        ? `La frase chiave ${quoted} è ${where}.`
        : `La frase chiave ${quoted} non è ${where}.`,
    }
  }
  const keySlug = slugify(keyphrase)
  const slugOk = keySlug !== '' && `-${input.slug ?? ''}-`.includes(`-${keySlug}-`)
  return [
    inText('keyphrase-title', 'nel titolo', input.title),
    inText('keyphrase-first-paragraph', 'nel primo paragrafo', firstParagraph(input.content)),
    {
      id: 'keyphrase-slug',
      ok: slugOk,
      message: slugOk
        ? `Lo slug contiene la frase chiave (${keySlug}).`
        : `Lo slug non contiene la frase chiave (${keySlug}).`,
    },
    inText('keyphrase-meta-description', 'nella meta description', input.metaDescription),
  ]
}

function headingCheck(content: LexicalStateLike | null | undefined): SeoCheck {
  const id = 'heading-structure'
  const headings = content ? lexicalHeadings(content) : []
  if (headings.length === 0) {
    return { id, ok: true, message: 'Nessun sottotitolo nel testo.' }
  }
  const problems: string[] = []
  if (headings[0]?.level !== 2) {
    problems.push(
      `il primo sottotitolo è H${headings[0]?.level ?? '?'}, dovrebbe essere H2 (l’H1 è il titolo della pagina)`,
    )
  }
  headings.forEach((heading, i) => {
    const previous = headings[i - 1]
    if (previous && heading.level > previous.level + 1) {
      problems.push(
        `«${heading.text}» salta un livello (da H${previous.level} a H${heading.level})`,
      )
    }
    if (i > 0 && heading.level === 1) {
      problems.push(`«${heading.text}» è un H1: il titolo della pagina è già l’unico H1`)
    }
  })
  return problems.length === 0
    ? { id, ok: true, message: 'I sottotitoli non saltano livelli.' }
    : { id, ok: false, message: `Struttura dei sottotitoli: ${problems.join('; ')}.` }
}

function imageAltCheck(content: LexicalStateLike | null | undefined): SeoCheck {
  const id = 'image-alt'
  const uploads = content ? collectUploads(content.root) : []
  if (uploads.length === 0) return { id, ok: true, message: 'Nessuna immagine nel testo.' }
  const missing = uploads.filter((node) => !hasAlt(node)).length
  if (missing === 0) {
    return { id, ok: true, message: 'Tutte le immagini hanno il testo alternativo.' }
  }
  return {
    id,
    ok: false,
    message:
      missing === 1
        ? '1 immagine senza testo alternativo.'
        : `${missing} immagini senza testo alternativo.`,
  }
}

type LooseNode = Record<string, unknown>

function isRecord(value: unknown): value is LooseNode {
  return typeof value === 'object' && value !== null
}

function children(node: LooseNode): LooseNode[] {
  return Array.isArray(node.children) ? node.children.filter(isRecord) : []
}

function collectUploads(node: unknown): LooseNode[] {
  if (!isRecord(node)) return []
  const own = node.type === 'upload' ? [node] : []
  return [...own, ...children(node).flatMap(collectUploads)]
}

// An upload whose `value` is only an id (not populated) has no alt to show, so it counts as missing.
function hasAlt(node: LooseNode): boolean {
  const value = node.value
  return isRecord(value) && typeof value.alt === 'string' && value.alt.trim() !== ''
}

/** Text of the first non-empty top-level paragraph. */
function firstParagraph(content: LexicalStateLike | null | undefined): string {
  if (!content) return ''
  for (const node of children(content.root as LooseNode)) {
    if (node.type !== 'paragraph') continue
    const text = nodeText(node).trim()
    if (text !== '') return text
  }
  return ''
}

function nodeText(node: LooseNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak') return '\n'
  return children(node).map(nodeText).join('')
}
