import { beforeAll, describe, expect, it } from '@jest/globals'

import type { Clinic, Post } from '@/payload-types'
import { MISSING_SOURCES_MESSAGE } from '@/lib/editorial'
import { postSourcesCheck } from '@/lib/editorial/sources'
import { articleGraph, serializeJsonLd } from '@/lib/seo/json-ld'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

/*
 * Sources ("Fonti") of posts through the Local API: validation and normalisation on save, the
 * JSON-LD `citation` of a saved post, and the editorial warning for medical articles without.
 */

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')
let medicalId: string
let lifestyleId: string

beforeAll(async () => {
  medicalId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Alluce valgo', slug: 'alluce-valgo' },
    })
  ).id
  lifestyleId = (
    await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Notizie della clinica', slug: 'notizie', medical: false },
    })
  ).id
})

const draft = (title: string, data: Partial<Post>) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    draft: true,
    data: { title, slug: '', content, _status: 'draft', ...data },
  })

// Draft saves skip validation (Payload): the refusals show on a publish.
const publish = (title: string, data: Partial<Post>) =>
  ctx.payload.create({
    ...QUIET,
    collection: 'posts',
    data: { title, slug: '', content, _status: 'published', ...data },
  })

const PAPER = {
  authors: 'Rossi M, Bianchi L, et al.',
  title: 'Percutaneous distal metatarsal osteotomy for hallux valgus',
  publisher: 'Foot Ankle Surg',
  year: 2019,
  doi: 'https://doi.org/10.1016/j.fas.2019.01.001',
  pmid: '31234567',
}

describe('references on posts', () => {
  it('stores a source with a bare DOI, whatever form it was pasted in', async () => {
    const post = await publish('Con fonti', { references: [PAPER] })
    const stored = await ctx.payload.findByID({ collection: 'posts', id: post.id })
    expect(stored.references).toEqual([
      { ...PAPER, doi: '10.1016/j.fas.2019.01.001', url: null, id: expect.any(String) },
    ])
  })

  it('refuses a source the reader could not check (no DOI, PubMed ID or address)', async () => {
    await expect(
      publish('Senza link', { references: [{ title: 'Uno studio' }] }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'references.0.url',
            message:
              'Indica almeno un DOI, un PubMed ID o un indirizzo web, perché il lettore possa verificare la fonte.',
          },
        ],
      },
    })
  })

  it('refuses a malformed DOI, PubMed ID or address, with a message for each', async () => {
    await expect(
      publish('Valori errati', {
        references: [{ title: 'Studio', doi: '11.1/x', pmid: '12ab', url: 'javascript:alert(1)' }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: expect.arrayContaining([
          expect.objectContaining({
            path: 'references.0.doi',
            message:
              'Il DOI deve iniziare con "10." seguito dal prefisso e dal codice, ad esempio 10.1016/j.fas.2019.01.001.',
          }),
          expect.objectContaining({
            path: 'references.0.pmid',
            message: 'Il PubMed ID è un numero di al massimo 9 cifre, ad esempio 31234567.',
          }),
          expect.objectContaining({
            path: 'references.0.url',
            message: 'Inserisci un indirizzo completo che inizi con https:// (o http://).',
          }),
        ]),
      },
    })
  })
})

describe('JSON-LD citation of a saved post', () => {
  it('carries the stored sources as ScholarlyArticle / CreativeWork', async () => {
    const post = await draft('Articolo citato', {
      references: [
        PAPER,
        { title: 'Linee guida', publisher: 'SIOT', url: 'https://siot.example/lg' },
      ],
    })
    const stored = await ctx.payload.findByID({
      collection: 'posts',
      id: post.id,
      draft: true,
      depth: 2,
    })
    const clinic = (await ctx.payload.findGlobal({ slug: 'clinic' })) as Clinic
    const json = serializeJsonLd(
      articleGraph({ post: stored, siteUrl: 'http://localhost:3999', clinic, breadcrumbs: [] }),
    )
    const posting = (JSON.parse(json) as { '@graph': Record<string, unknown>[] })['@graph'].find(
      (node) => node['@type'] === 'BlogPosting',
    )
    expect(posting?.citation).toEqual([
      {
        '@type': 'ScholarlyArticle',
        name: PAPER.title,
        author: [
          { '@type': 'Person', name: 'Rossi M' },
          { '@type': 'Person', name: 'Bianchi L' },
        ],
        publisher: { '@type': 'Organization', name: 'Foot Ankle Surg' },
        datePublished: '2019',
        url: 'https://doi.org/10.1016/j.fas.2019.01.001',
        sameAs: 'https://pubmed.ncbi.nlm.nih.gov/31234567/',
        identifier: [
          { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1016/j.fas.2019.01.001' },
          { '@type': 'PropertyValue', propertyID: 'PMID', value: '31234567' },
        ],
      },
      {
        '@type': 'CreativeWork',
        name: 'Linee guida',
        publisher: { '@type': 'Organization', name: 'SIOT' },
        url: 'https://siot.example/lg',
      },
    ])
  })
})

describe('editorial warning for medical articles without sources', () => {
  it('warns for an article in a medical category with no sources', async () => {
    const post = await draft('Medico senza fonti', { categories: [lifestyleId, medicalId] })
    expect(await postSourcesCheck(ctx.payload, post)).toEqual({
      ok: false,
      message: MISSING_SOURCES_MESSAGE,
    })
  })

  it('counts the sources of a medical article', async () => {
    const post = await draft('Medico con fonti', { categories: [medicalId], references: [PAPER] })
    expect(await postSourcesCheck(ctx.payload, post)).toEqual({
      ok: true,
      message: 'Fonti indicate: 1.',
    })
  })

  it('says nothing for articles outside medical categories or with none', async () => {
    expect(
      await postSourcesCheck(ctx.payload, await draft('Notizia', { categories: [lifestyleId] })),
    ).toBeNull()
    expect(await postSourcesCheck(ctx.payload, await draft('Senza categoria', {}))).toBeNull()
  })
})
