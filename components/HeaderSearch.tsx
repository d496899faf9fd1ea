import { MAX_QUERY_LENGTH } from '@/lib/search/normalize'

/** The search box in the header: a plain GET form to /cerca, no JavaScript. */
export function HeaderSearch() {
  return (
    <form
      role="search"
      aria-label="Cerca nel sito"
      action="/cerca"
      method="get"
      className="header-search"
    >
      <label htmlFor="ricerca-header" className="visually-hidden">
        Cerca negli articoli
      </label>
      <input
        id="ricerca-header"
        type="search"
        name="q"
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Cerca…"
      />
      <button type="submit">Cerca</button>
    </form>
  )
}
