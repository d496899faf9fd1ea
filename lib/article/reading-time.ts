/** Italian adult readers manage about 200 words a minute on screen; the estimate rounds up. */
export const WORDS_PER_MINUTE = 200

export function countWords(text: string): number {
  return text.split(/[\s\u00a0]+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

export function readingMinutes(text: string): number {
  return Math.max(1, Math.ceil(countWords(text) / WORDS_PER_MINUTE))
}

export const readingTimeLabel = (minutes: number) =>
  minutes === 1 ? '1 minuto di lettura' : `${minutes} minuti di lettura`
