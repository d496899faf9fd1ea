import { z } from 'zod'

import { validateHttpUrl } from '@/fields/validators'

/** One source of an article, as stored in the posts' `references` field. */
export type Reference = {
  authors?: string | null
  title: string
  publisher?: string | null
  year?: number | null
  doi?: string | null
  pmid?: string | null
  url?: string | null
}

const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/
const PMID_PATTERN = /^[1-9][0-9]{0,8}$/

/** Editors paste DOIs as links or with a "doi:" prefix: keep the bare identifier. */
export function normalizeDoi(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (trimmed === '') return null
  return trimmed.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
}

export const doiUrl = (doi: string) => `https://doi.org/${doi}`
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`

export function validateDoi(value: unknown): true | string {
  if (value == null || value === '') return true
  return DOI_PATTERN.test(String(value))
    ? true
    : 'Il DOI deve iniziare con "10." seguito dal prefisso e dal codice, ad esempio 10.1016/j.fas.2019.01.001.'
}

export function validatePmid(value: unknown): true | string {
  if (value == null || value === '') return true
  return PMID_PATTERN.test(String(value).trim())
    ? true
    : 'Il PubMed ID è un numero di al massimo 9 cifre, ad esempio 31234567.'
}

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== ''

/** The web address is optional when a DOI or a PubMed ID lets the reader find the source. */
export function validateReferenceLink(
  value: unknown,
  { siblingData }: { siblingData?: Partial<Reference> } = {},
): true | string {
  const urlCheck = validateHttpUrl(value)
  if (urlCheck !== true) return urlCheck
  if (hasText(value) || hasText(siblingData?.doi) || hasText(siblingData?.pmid)) return true
  return 'Indica almeno un DOI, un PubMed ID o un indirizzo web, perché il lettore possa verificare la fonte.'
}

export const referenceSchema = z.object({
  authors: z.string().nullish(),
  title: z.string().min(1),
  publisher: z.string().nullish(),
  year: z.number().int().nullish(),
  doi: z.string().nullish(),
  pmid: z.string().nullish(),
  url: z.string().nullish(),
})
