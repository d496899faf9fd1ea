import { TextImportError } from './errors'

// C0 controls except tab, LF, VT, FF and CR, plus DEL and the C1 range: none occur in real prose.
const BINARY_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/

/** How the messages name a source format. */
export type SourceFormat = {
  /** "plain text", "text" … as in "The file does not look like <name>". */
  name: string
  /** What the first line must be, as in "an article needs <titleLine> followed by paragraphs". */
  titleLine: string
  /** The extension to save as, e.g. ".txt". */
  extension: string
}

/**
 * The checks every article parser starts with: drops a byte-order mark, refuses an empty file
 * and a binary one (naming the first control character and its line). Returns the text to parse.
 */
export function checkedSource(text: string, format: SourceFormat): string {
  // trim() would also drop a BOM, but stripping it explicitly keeps that independent of line handling.
  const source = text.replace(/^\uFEFF/, '')
  if (source.trim() === '') {
    throw new TextImportError(
      'EMPTY',
      `The file is empty: an article needs ${format.titleLine} followed by paragraphs.`,
    )
  }
  const match = BINARY_CHARACTER.exec(source)
  if (match) {
    const code = match[0].codePointAt(0) ?? 0
    const hex = code.toString(16).toUpperCase().padStart(4, '0')
    const line = source.slice(0, match.index).split(/\r\n|\r|\n/).length
    throw new TextImportError(
      'BINARY',
      `The file does not look like ${format.name}: it contains the control character U+${hex} ` +
        `on line ${line}. Save the article as a UTF-8 ${format.extension} file and try again.`,
    )
  }
  return source
}
