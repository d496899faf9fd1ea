import { MAX_QUERY_LENGTH } from './normalize'

/** The search page's Italian texts, in one place (the page and its tests share them). */

export const SEARCH_LABEL = 'Cerca negli articoli'
export const EMPTY_QUERY_MESSAGE =
  'Scrivi una o più parole, per esempio “alluce valgo” o “intervento”, e premi Cerca.'
export const TOO_LONG_MESSAGE = `La ricerca è troppo lunga: usa al massimo ${MAX_QUERY_LENGTH} caratteri.`
export const NO_TERMS_MESSAGE =
  'Nella ricerca non c’è nessuna parola da cercare: scrivi almeno una parola di due o più lettere.'

/** "2 articoli trovati per “osteotomie”", "1 articolo trovato per …", "Nessun articolo …". */
export function resultsMessage(count: number, q: string): string {
  if (count === 0) return `Nessun articolo trovato per “${q}”. Prova con un’altra parola.`
  if (count === 1) return `1 articolo trovato per “${q}”`
  return `${count} articoli trovati per “${q}”`
}

/** "Pagina 2 di 5": the position within the results, beside the count. */
export function pagePositionMessage(page: number, pageCount: number): string {
  return `Pagina ${page} di ${pageCount}`
}

/** The `<title>` of the search page. */
export function searchPageTitle(q?: string, page = 1): string {
  if (!q) return 'Cerca'
  return page > 1 ? `Risultati per “${q}” – pagina ${page}` : `Risultati per “${q}”`
}

/** Texts of the search's "not found" page (a `pagina` past the end, or not a page number). */
export const SEARCH_PAGE_NOT_FOUND = {
  title: 'Pagina dei risultati non trovata',
  heading: 'Questa pagina dei risultati non esiste',
  text: 'Il numero di pagina non è valido o va oltre l’ultima pagina dei risultati. Ripeti la ricerca dalla prima pagina:',
} as const

/** The page a visitor gets past the search's rate limit (see lib/search/rate-limit.ts). */
export function tooManySearchesMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds <= 1 ? 'un secondo' : `${retryAfterSeconds} secondi`
  return `Hai fatto molte ricerche in poco tempo. Riprova tra ${wait}.`
}
