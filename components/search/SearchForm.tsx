import { MAX_QUERY_LENGTH } from '@/lib/search/normalize'
import { SEARCH_LABEL } from '@/lib/search/messages'

import styles from './search.module.css'

export type SearchFormProps = {
  /** The text already searched for, to pre-fill the field. */
  defaultValue?: string
  /** The input's id: give each form on a page its own (e.g. "cerca-header"). */
  id?: string
  /** Keeps the label for screen readers only (compact forms, e.g. in the header). */
  hideLabel?: boolean
  /** Accessible name of the search landmark, distinct when a page has two forms. */
  ariaLabel?: string
  className?: string
}

/**
 * The site search form: a plain GET form to /cerca, so it works without any JavaScript.
 * Reusable in the header with a distinct `id` and `ariaLabel` and `hideLabel`.
 */
export function SearchForm({
  defaultValue = '',
  id = 'cerca-q',
  hideLabel = false,
  ariaLabel,
  className,
}: SearchFormProps) {
  return (
    <form
      role="search"
      action="/cerca"
      method="get"
      aria-label={ariaLabel}
      className={className ? `${styles.form} ${className}` : styles.form}
    >
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {SEARCH_LABEL}
      </label>
      <div className={styles.row}>
        <input
          id={id}
          className={styles.input}
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className={styles.button}>
          Cerca
        </button>
      </div>
    </form>
  )
}
