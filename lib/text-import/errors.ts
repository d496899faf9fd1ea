export type TextImportErrorCode = 'EMPTY' | 'NO_TITLE' | 'NO_BODY' | 'BINARY'

/** Raised when a source file cannot become an article; `code` lets callers react without parsing messages. */
export class TextImportError extends Error {
  readonly code: TextImportErrorCode

  constructor(code: TextImportErrorCode, message: string) {
    super(message)
    this.name = 'TextImportError'
    this.code = code
  }
}
