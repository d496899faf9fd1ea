import type { CreativeWork, PropertyValue, ScholarlyArticle } from 'schema-dts'

import type { Post } from '@/payload-types'
import { listedSources, sourceAuthors, sourceLinks } from '@/lib/article/sources'

import { oneOrMany } from './util'

type Source = NonNullable<Post['references']>[number]

const identifier = (propertyID: 'DOI' | 'PMID', value: string): PropertyValue => ({
  '@type': 'PropertyValue',
  propertyID,
  value,
})

/**
 * One source as a schema.org work: a ScholarlyArticle when it has a DOI or a PubMed ID (a
 * paper), a CreativeWork otherwise (guideline, book, web page). `url` is the first of DOI,
 * PubMed and web address; the others are `sameAs`.
 */
export function citationNode(source: Source): ScholarlyArticle | CreativeWork {
  const { doi, pubmed, web } = sourceLinks(source)
  const urls = [doi?.href, pubmed?.href, web].filter((url) => typeof url === 'string')
  const identifiers = [
    doi ? identifier('DOI', doi.id) : null,
    pubmed ? identifier('PMID', pubmed.id) : null,
  ].filter((value) => value !== null)
  const publisher = source.publisher?.trim()
  return {
    '@type': doi || pubmed ? 'ScholarlyArticle' : 'CreativeWork',
    name: source.title.trim(),
    author: oneOrMany(sourceAuthors(source.authors).map((name) => ({ '@type': 'Person', name }))),
    publisher: publisher ? { '@type': 'Organization', name: publisher } : undefined,
    datePublished: source.year ? String(source.year) : undefined,
    url: urls[0],
    sameAs: oneOrMany(urls.slice(1)),
    identifier: oneOrMany(identifiers),
  } as ScholarlyArticle | CreativeWork
}

/** The article's sources as `citation` values (empty: no property). */
export const citationNodes = (references: Post['references']) =>
  listedSources(references).map(citationNode)
