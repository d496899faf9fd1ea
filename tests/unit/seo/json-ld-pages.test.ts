import { describe, expect, it } from '@jest/globals'

import type { Clinic } from '@/payload-types'
import {
  authorGraph,
  categoryGraph,
  clinicNode,
  homeGraph,
  personNode,
  websiteNode,
} from '@/lib/seo/json-ld'
import {
  CLINIC_NAME,
  POST_URL,
  SITE_URL,
  breadcrumbs,
  clinic,
  halluxCategory,
  post,
  reviewer,
  surgeon,
} from './fixtures'
import { expectConnected, parse, single } from './graph-helpers'

describe('site nodes', () => {
  it('describes the website with its search action', () => {
    expect(websiteNode(SITE_URL, CLINIC_NAME)).toEqual({
      '@type': 'WebSite',
      '@id': `${SITE_URL}/#website`,
      url: `${SITE_URL}/`,
      name: CLINIC_NAME,
      inLanguage: 'it-IT',
      publisher: { '@id': `${SITE_URL}/#clinic` },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${SITE_URL}/cerca?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    })
  })

  it('describes the clinic from the Clinic global', () => {
    expect(clinicNode(clinic, SITE_URL)).toMatchObject({
      '@type': 'MedicalClinic',
      name: CLINIC_NAME,
      legalName: 'Clinica del Piede S.r.l.',
      url: `${SITE_URL}/`,
      telephone: '+39 02 1234 5678',
      email: 'info@clinica.example',
      address: {
        '@type': 'PostalAddress',
        streetAddress: 'Via Roma 1',
        postalCode: '20100',
        addressLocality: 'Milano',
        addressRegion: 'MI',
        addressCountry: 'IT',
      },
      logo: { '@type': 'ImageObject', url: `${SITE_URL}/api/media/file/logo.png` },
      medicalSpecialty: 'Musculoskeletal',
      sameAs: 'https://www.facebook.com/clinica',
      vatID: 'IT01234567897',
    })
  })

  it('keeps an unfilled clinic minimal', () => {
    const empty: Clinic = {
      id: 'clinic',
      name: ' ',
      medicalDisclaimer: 'x',
      address: {},
      socialLinks: [],
    }
    expect(clinicNode(empty, SITE_URL)).toEqual({
      '@type': 'MedicalClinic',
      '@id': `${SITE_URL}/#clinic`,
      name: 'Clinica del Piede',
      url: `${SITE_URL}/`,
      medicalSpecialty: 'Musculoskeletal',
    })
  })

  it('describes an author as a Person with the Ordine registration as credential', () => {
    const person = personNode(surgeon, SITE_URL)
    expect(person).toMatchObject({
      '@type': 'Person',
      '@id': `${SITE_URL}/autori/marco-ferri#person`,
      name: 'Dott. Marco Ferri',
      honorificPrefix: 'Dott.',
      jobTitle: 'Ortopedia e traumatologia',
      url: `${SITE_URL}/autori/marco-ferri`,
      image: `${SITE_URL}/api/media/file/ferri.jpg`,
      sameAs: 'https://www.linkedin.com/in/marco-ferri',
      worksFor: { '@id': `${SITE_URL}/#clinic` },
    })
    expect(person.hasCredential).toEqual([
      expect.objectContaining({
        identifier: '12345',
        recognizedBy: {
          '@type': 'Organization',
          name: 'Ordine dei Medici Chirurghi e degli Odontoiatri della provincia di Milano',
        },
      }),
      { '@type': 'EducationalOccupationalCredential', name: 'Laurea in Medicina e Chirurgia' },
      { '@type': 'EducationalOccupationalCredential', name: 'Specializzazione in Ortopedia' },
    ])
    expect(personNode(reviewer, SITE_URL)).not.toHaveProperty('hasCredential')
  })
})

describe('page graphs', () => {
  it('homeGraph has the website and the clinic', () => {
    const nodes = parse(homeGraph({ siteUrl: SITE_URL, clinic }))
    expect(nodes.map((node) => node['@type'])).toEqual(['WebSite', 'MedicalClinic'])
    expectConnected(nodes)
  })

  it('categoryGraph lists the posts of a CollectionPage', () => {
    const nodes = parse(
      categoryGraph({
        category: halluxCategory,
        posts: [post, { title: 'Secondo', slug: 'secondo' }],
        siteUrl: SITE_URL,
        clinic,
        breadcrumbs: breadcrumbs.slice(0, 2),
      }),
    )
    expectConnected(nodes)
    const page = single(nodes, 'CollectionPage')
    expect(page).toMatchObject({
      '@id': `${SITE_URL}/categorie/alluce-valgo#webpage`,
      url: `${SITE_URL}/categorie/alluce-valgo`,
      name: 'Alluce valgo',
      description: halluxCategory.description,
    })
    expect(page.mainEntity).toEqual({
      '@type': 'ItemList',
      numberOfItems: 2,
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: POST_URL, name: post.title },
        { '@type': 'ListItem', position: 2, url: `${SITE_URL}/blog/secondo`, name: 'Secondo' },
      ],
    })
    expect(single(nodes, 'BreadcrumbList')).toBeDefined()
  })

  it('authorGraph is a ProfilePage about the Person', () => {
    const nodes = parse(
      authorGraph({
        author: surgeon,
        siteUrl: SITE_URL,
        clinic,
        breadcrumbs: [
          { name: 'Home', path: '/' },
          { name: 'Dott. Marco Ferri', path: '/autori/marco-ferri' },
        ],
      }),
    )
    expectConnected(nodes)
    expect(single(nodes, 'ProfilePage')).toMatchObject({
      '@id': `${SITE_URL}/autori/marco-ferri#webpage`,
      mainEntity: { '@id': `${SITE_URL}/autori/marco-ferri#person` },
      dateCreated: '2026-01-10T09:00:00.000Z',
    })
    expect(single(nodes, 'Person').name).toBe('Dott. Marco Ferri')
  })
})
