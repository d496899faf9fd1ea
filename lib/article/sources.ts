import { validateHttpUrl } from '@/fields/validators'
import {
  doiUrl,
  normalizeDoi,
  pubmedUrl,
  validateDoi,
  validatePmid,
  type Reference,
} from '@/lib/references'

/** A checked identifier of a source and the address it resolves to. */
export type SourceLink = { id: string; href: string }

/** Where a reader can check a source: only well-formed identifiers and http(s) addresses. */
export type SourceLinks = { doi: SourceLink | null; pubmed: SourceLink | null; web: string | null }

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * The links of one source. Values are checked again here (not only on save): a document written
 * around validation (import, database edit) must not put a `javascript:` link on a page.
 */
export function sourceLinks(reference: Pick<Reference, 'doi' | 'pmid' | 'url'>): SourceLinks {
  const doi = text(normalizeDoi(reference.doi ?? ''))
  const pmid = text(reference.pmid)
  const web = text(reference.url)
  return {
    doi: doi && validateDoi(doi) === true ? { id: doi, href: doiUrl(encodeURI(doi)) } : null,
    pubmed: pmid && validatePmid(pmid) === true ? { id: pmid, href: pubmedUrl(pmid) } : null,
    web: web && validateHttpUrl(web) === true ? web : null,
  }
}

/** "Rossi M, Bianchi L, et al." as names ("et al." is not a person). Vancouver style. */
export function sourceAuthors(authors: string | null | undefined): string[] {
  return text(authors)
    .split(/[,;]/)
    .map((name) => name.trim().replace(/\.$/, ''))
    .filter((name) => name !== '' && !/^et al$/i.test(name))
}

/** The sources worth showing: those with a title (the field is required, imports may not be). */
export function listedSources<T extends Pick<Reference, 'title'>>(
  references: readonly T[] | null | undefined,
): T[] {
  return (references ?? []).filter((reference) => text(reference.title) !== '')
}
