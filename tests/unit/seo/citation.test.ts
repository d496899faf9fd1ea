import { describe, expect, it } from '@jest/globals'

import { articleGraph } from '@/lib/seo/json-ld'
import { breadcrumbs, clinic, post, SITE_URL } from './fixtures'
import { expectConnected, parse, single } from './graph-helpers'

const references = [
  {
    id: 'r1',
    authors: 'Rossi M, Bianchi L, et al.',
    title: 'Percutaneous distal metatarsal osteotomy for hallux valgus',
    publisher: 'Foot Ankle Surg',
    year: 2019,
    doi: '10.1016/j.fas.2019.01.001',
    pmid: '31234567',
    url: 'https://journal.example/article/1',
  },
  {
    id: 'r2',
    title: 'Linee guida sull’alluce valgo',
    publisher: 'SIOT',
    url: 'https://www.siot.example/linee-guida',
  },
  { id: 'r3', title: 'Fonte con link non sicuro', url: 'javascript:alert(1)' },
]

describe('articleGraph: sources as citation', () => {
  it('lists each source as a ScholarlyArticle or CreativeWork', () => {
    const nodes = parse(
      articleGraph({ post: { ...post, references }, siteUrl: SITE_URL, clinic, breadcrumbs }),
    )
    expectConnected(nodes)
    expect(single(nodes, 'BlogPosting').citation).toEqual([
      {
        '@type': 'ScholarlyArticle',
        name: 'Percutaneous distal metatarsal osteotomy for hallux valgus',
        author: [
          { '@type': 'Person', name: 'Rossi M' },
          { '@type': 'Person', name: 'Bianchi L' },
        ],
        publisher: { '@type': 'Organization', name: 'Foot Ankle Surg' },
        datePublished: '2019',
        url: 'https://doi.org/10.1016/j.fas.2019.01.001',
        sameAs: ['https://pubmed.ncbi.nlm.nih.gov/31234567/', 'https://journal.example/article/1'],
        identifier: [
          { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1016/j.fas.2019.01.001' },
          { '@type': 'PropertyValue', propertyID: 'PMID', value: '31234567' },
        ],
      },
      {
        '@type': 'CreativeWork',
        name: 'Linee guida sull’alluce valgo',
        publisher: { '@type': 'Organization', name: 'SIOT' },
        url: 'https://www.siot.example/linee-guida',
      },
      { '@type': 'CreativeWork', name: 'Fonte con link non sicuro' },
    ])
  })

  it('has one citation as a single value, none as no property', () => {
    const one = parse(
      articleGraph({
        post: { ...post, references: [{ id: 'p', title: 'Studio', pmid: '123' }] },
        siteUrl: SITE_URL,
        clinic,
        breadcrumbs,
      }),
    )
    expect(single(one, 'BlogPosting').citation).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Studio',
      url: 'https://pubmed.ncbi.nlm.nih.gov/123/',
      identifier: { '@type': 'PropertyValue', propertyID: 'PMID', value: '123' },
    })
    for (const none of [[], null, undefined]) {
      const nodes = parse(
        articleGraph({
          post: { ...post, references: none },
          siteUrl: SITE_URL,
          clinic,
          breadcrumbs,
        }),
      )
      expect(single(nodes, 'BlogPosting')).not.toHaveProperty('citation')
    }
  })
})
