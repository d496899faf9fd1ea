import { describe, expect, it } from '@jest/globals'

import {
  doiUrl,
  normalizeDoi,
  pubmedUrl,
  validateDoi,
  validatePmid,
  validateReferenceLink,
} from '@/lib/references'

describe('article sources', () => {
  it('keeps the bare DOI from links and prefixes', () => {
    expect(normalizeDoi('https://doi.org/10.1016/j.fas.2019.01.001')).toBe(
      '10.1016/j.fas.2019.01.001',
    )
    expect(normalizeDoi('http://dx.doi.org/10.1000/xyz')).toBe('10.1000/xyz')
    expect(normalizeDoi(' doi: 10.1000/xyz ')).toBe('10.1000/xyz')
    expect(normalizeDoi('   ')).toBeNull()
    expect(normalizeDoi(undefined)).toBeUndefined()
  })

  it('validates DOIs and PubMed ids with Italian messages', () => {
    expect(validateDoi('10.1016/j.fas.2019.01.001')).toBe(true)
    expect(validateDoi('')).toBe(true)
    expect(validateDoi('11.1016/x')).toMatch(/^Il DOI deve iniziare con "10\."/)
    expect(validateDoi('10.12/x')).toMatch(/^Il DOI/)
    expect(validatePmid('31234567')).toBe(true)
    expect(validatePmid('PMID31234567')).toMatch(/^Il PubMed ID/)
    expect(validatePmid('0123')).toMatch(/^Il PubMed ID/)
  })

  it('needs a DOI, a PubMed id or a web address, and only http(s) addresses', () => {
    const none = { siblingData: { title: 'Linee guida' } }
    expect(validateReferenceLink('', none)).toMatch(/^Indica almeno un DOI/)
    expect(validateReferenceLink(null, none)).toMatch(/^Indica almeno un DOI/)
    expect(validateReferenceLink('', { siblingData: { title: 't', doi: '10.1000/x' } })).toBe(true)
    expect(validateReferenceLink('', { siblingData: { title: 't', pmid: '123' } })).toBe(true)
    expect(validateReferenceLink('https://www.siot.it/linee-guida', none)).toBe(true)
    expect(validateReferenceLink('javascript:alert(1)', none)).toMatch(
      /^Inserisci un indirizzo completo/,
    )
  })

  it('links DOIs and PubMed ids to their resolvers', () => {
    expect(doiUrl('10.1000/xyz')).toBe('https://doi.org/10.1000/xyz')
    expect(pubmedUrl('31234567')).toBe('https://pubmed.ncbi.nlm.nih.gov/31234567/')
  })
})
