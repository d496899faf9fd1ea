/** The search page's Italian texts, in one place (the page and its tests share them). */

export const SEARCH_LABEL = 'Cerca negli articoli'
export const EMPTY_QUERY_MESSAGE =
  'Scrivi una o più parole, per esempio “alluce valgo” o “intervento”, e premi Cerca.'
export const TOO_LONG_MESSAGE = 'La ricerca è troppo lunga: usa al massimo 100 caratteri.'

/** "2 articoli trovati per “osteotomie”", "1 articolo trovato per …", "Nessun articolo …". */
export function resultsMessage(count: number, q: string): string {
  if (count === 0) return `Nessun articolo trovato per “${q}”. Prova con un’altra parola.`
  if (count === 1) return `1 articolo trovato per “${q}”`
  return `${count} articoli trovati per “${q}”`
}

/** The `<title>` of the search page. */
export function searchPageTitle(q?: string): string {
  return q ? `Risultati per “${q}”` : 'Cerca'
}
