import { describe, expect, it } from '@jest/globals'

import type { Post } from '@/payload-types'
import { articleCondition, articleGraph, serializeJsonLd } from '@/lib/seo/json-ld'
import {
  CLINIC_NAME,
  POST_URL,
  SITE_URL,
  breadcrumbs,
  clinic,
  halluxCategory,
  heroImage,
  post,
  surgeon,
  surgeryCategory,
} from './fixtures'
import { type Node, byId, byType, expectConnected, parse, single } from './graph-helpers'

describe('articleGraph', () => {
  const nodes = parse(articleGraph({ post, siteUrl: SITE_URL, clinic, breadcrumbs }))

  it('is one connected graph with stable @ids', () => {
    expectConnected(nodes)
    expect(nodes.map((node) => node['@id'])).toEqual([
      `${SITE_URL}/#website`,
      `${SITE_URL}/#clinic`,
      `${POST_URL}#webpage`,
      `${POST_URL}#article`,
      `${SITE_URL}/autori/marco-ferri#person`,
      `${SITE_URL}/autori/giulia-neri#person`,
      `${POST_URL}#condition`,
      `${POST_URL}#procedure`,
      `${POST_URL}#breadcrumb`,
      `${POST_URL}#faq`,
    ])
  })

  it('has the BlogPosting properties Google reads for articles', () => {
    const article = single(nodes, 'BlogPosting')
    expect(article).toMatchObject({
      headline: post.title,
      description: post.excerpt,
      datePublished: '2026-01-15T08:30:00.000Z',
      dateModified: '2026-02-01T10:00:00.000Z',
      author: { '@id': `${SITE_URL}/autori/marco-ferri#person`, name: 'Dott. Marco Ferri' },
      publisher: { '@id': `${SITE_URL}/#clinic` },
      mainEntityOfPage: { '@id': `${POST_URL}#webpage` },
      inLanguage: 'it-IT',
      articleSection: 'Alluce valgo',
      keywords: ['Alluce valgo', 'Chirurgia del piede'],
    })
    expect(article.datePublished).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
    )
    expect((article.author as Node).url).toBe(`${SITE_URL}/autori/marco-ferri`)
    expect(article.image).toEqual([
      `${SITE_URL}/api/media/file/piede-1200x630.jpg`,
      `${SITE_URL}/api/media/file/piede-1600x1067.webp`,
      `${SITE_URL}/api/media/file/piede.jpg`,
    ])
    const author = byId(nodes, (article.author as Node)['@id'])
    expect(author).toMatchObject({ '@type': 'Person', name: 'Dott. Marco Ferri' })
  })

  it('keeps headlines within 110 characters', () => {
    const long = { ...post, title: `${'Alluce valgo e chirurgia '.repeat(8)}fine` }
    const article = single(
      parse(articleGraph({ post: long, siteUrl: SITE_URL, clinic, breadcrumbs })),
      'BlogPosting',
    )
    expect((article.headline as string).length).toBeLessThanOrEqual(110)
  })

  it('describes the medical web page, its review and audience', () => {
    expect(single(nodes, 'MedicalWebPage')).toMatchObject({
      url: POST_URL,
      name: post.title,
      inLanguage: 'it-IT',
      lastReviewed: '2026-02-15',
      reviewedBy: { '@id': `${SITE_URL}/autori/giulia-neri#person` },
      medicalAudience: { '@type': 'Patient' },
      about: [{ '@id': `${POST_URL}#condition` }, { '@id': `${POST_URL}#procedure` }],
      mainEntity: { '@id': `${POST_URL}#article` },
      breadcrumb: { '@id': `${POST_URL}#breadcrumb` },
      isPartOf: { '@id': `${SITE_URL}/#website` },
    })
  })

  it('derives the condition and the procedure', () => {
    expect(single(nodes, 'MedicalCondition')).toMatchObject({
      name: 'Alluce valgo',
      alternateName: 'Hallux valgus',
    })
    expect(single(nodes, 'MedicalProcedure')).toEqual({
      '@type': 'MedicalProcedure',
      '@id': `${POST_URL}#procedure`,
      name: post.procedure?.name,
      bodyLocation: 'Piede (alluce)',
      howPerformed: post.procedure?.howPerformed,
      preparation: post.procedure?.preparation,
      followup: post.procedure?.followUp,
    })
  })

  it('lists the breadcrumbs with positions and absolute URLs', () => {
    expect(single(nodes, 'BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE_URL}/` },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Alluce valgo',
        item: `${SITE_URL}/categorie/alluce-valgo`,
      },
      { '@type': 'ListItem', position: 3, name: post.title, item: POST_URL },
    ])
  })

  it('turns the FAQ into Questions with accepted Answers', () => {
    expect(single(nodes, 'FAQPage').mainEntity).toEqual(
      (post.faq ?? []).map((item) => ({
        '@type': 'Question',
        name: item.question,
        acceptedAnswer: { '@type': 'Answer', text: item.answer },
      })),
    )
  })

  it('writes one Person when author and reviewer are the same doctor', () => {
    const same = parse(
      articleGraph({
        post: { ...post, reviewedBy: surgeon },
        siteUrl: SITE_URL,
        clinic,
        breadcrumbs,
      }),
    )
    expect(byType(same, 'Person')).toHaveLength(1)
    expectConnected(same)
  })

  it('leaves out what the post does not have, and ignores unpopulated relations', () => {
    const bare: Post = {
      ...post,
      excerpt: null,
      author: surgeon.id,
      reviewedBy: null,
      heroImage: heroImage.id,
      lastReviewedAt: null,
      categories: [halluxCategory.id],
      procedure: { name: '  ' },
      faq: [],
    }
    const graph = parse(articleGraph({ post: bare, siteUrl: SITE_URL, clinic, breadcrumbs: [] }))
    expect(graph.map((node) => node['@type'])).toEqual([
      'WebSite',
      'MedicalClinic',
      'MedicalWebPage',
      'BlogPosting',
    ])
    expectConnected(graph)
    const article = single(graph, 'BlogPosting')
    // Without an author the clinic signs the article; the description comes from the body.
    expect(article.author).toMatchObject({ '@id': `${SITE_URL}/#clinic`, name: CLINIC_NAME })
    expect(article.description).toBe('Che cos’è Una tecnica con piccole incisioni sulla cute.')
    expect(article).not.toHaveProperty('image')
    expect(single(graph, 'MedicalWebPage')).not.toHaveProperty('reviewedBy')
  })

  it('serialises a hostile title without closing the script element', () => {
    const title = 'Alluce </script><script>alert(1)</script> & <!-- \u2028 fine'
    const json = serializeJsonLd(
      articleGraph({ post: { ...post, title }, siteUrl: SITE_URL, clinic, breadcrumbs }),
    )
    expect(json).not.toMatch(/<\/script/i)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    const parsed = JSON.parse(json)
    expect(parsed['@context']).toBe('https://schema.org')
    expect(single(parsed['@graph'], 'MedicalWebPage').name).toBe(title)
  })
})

describe('articleCondition', () => {
  it('prefers a known condition, else the first category title', () => {
    expect(articleCondition([surgeryCategory, halluxCategory])).toEqual({
      name: 'Alluce valgo',
      alternateName: 'Hallux valgus',
    })
    expect(articleCondition([surgeryCategory])).toEqual({ name: 'Chirurgia del piede' })
    expect(articleCondition([])).toBeNull()
  })
})
