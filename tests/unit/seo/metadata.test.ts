import { describe, expect, it } from '@jest/globals'

import type { Media } from '@/payload-types'
import { META_DESCRIPTION_MAX } from '@/lib/seo/generate'
import { buildPageMetadata, isoDateTime, mediaImageForSharing } from '@/lib/seo/metadata'
import { CLINIC_NAME, SITE_URL, heroImage, undefinedPaths } from './fixtures'

const base = { siteUrl: SITE_URL, clinicName: CLINIC_NAME, path: '/blog/alluce-valgo' }
const image = { url: `${SITE_URL}/social.jpg`, width: 1200, height: 630, alt: 'Un piede' }

describe('buildPageMetadata', () => {
  it('uses the SEO title and description when filled', () => {
    const metadata = buildPageMetadata({
      ...base,
      title: 'Alluce valgo',
      description: 'Estratto',
      seoTitle: 'Alluce valgo: cause e cure',
      seoDescription: 'Descrizione SEO',
    })
    expect(metadata.title).toBe('Alluce valgo: cause e cure')
    expect(metadata.description).toBe('Descrizione SEO')
  })

  it('falls back to the title and the excerpt when the SEO fields are empty', () => {
    const metadata = buildPageMetadata({
      ...base,
      title: 'Alluce valgo',
      description: 'Estratto dell’articolo',
      seoTitle: '  ',
      seoDescription: null,
    })
    expect(metadata.title).toBe('Alluce valgo')
    expect(metadata.description).toBe('Estratto dell’articolo')
    expect(metadata.openGraph?.title).toBe('Alluce valgo')
    expect(metadata.twitter?.description).toBe('Estratto dell’articolo')
  })

  it('cuts a long description at a word boundary', () => {
    const long = 'parola '.repeat(60)
    const { description } = buildPageMetadata({ ...base, title: 'T', description: long })
    expect(typeof description).toBe('string')
    expect((description as string).length).toBeLessThanOrEqual(META_DESCRIPTION_MAX)
    expect(description).toMatch(/parola…$/)
  })

  it('omits the description when there is none', () => {
    const metadata = buildPageMetadata({ ...base, title: 'T' })
    expect(metadata).not.toHaveProperty('description')
    expect(metadata.openGraph).not.toHaveProperty('description')
  })

  it('gives an absolute canonical and Open Graph URL', () => {
    const metadata = buildPageMetadata({ ...base, title: 'T' })
    expect(metadata.alternates?.canonical).toBe(`${SITE_URL}/blog/alluce-valgo`)
    expect(metadata.openGraph?.url).toBe(`${SITE_URL}/blog/alluce-valgo`)
    expect(buildPageMetadata({ ...base, path: '/', title: 'Home' }).alternates?.canonical).toBe(
      `${SITE_URL}/`,
    )
  })

  it('sets robots to noindex, follow only when asked', () => {
    expect(buildPageMetadata({ ...base, title: 'T', noindex: true }).robots).toEqual({
      index: false,
      follow: true,
    })
    expect(buildPageMetadata({ ...base, title: 'T' }).robots).toEqual({ index: true, follow: true })
  })

  it('describes a website page with locale, site name and a summary card without image', () => {
    const metadata = buildPageMetadata({ ...base, title: 'T', description: 'D' })
    expect(metadata.openGraph).toEqual({
      locale: 'it_IT',
      siteName: CLINIC_NAME,
      url: `${SITE_URL}/blog/alluce-valgo`,
      title: 'T',
      description: 'D',
      type: 'website',
    })
    expect(metadata.twitter).toEqual({ card: 'summary', title: 'T', description: 'D' })
  })

  it('fills the Open Graph article fields and the large image card', () => {
    const metadata = buildPageMetadata({
      ...base,
      title: 'Alluce valgo',
      description: 'D',
      image,
      type: 'article',
      article: {
        publishedTime: '2026-01-15T08:30:00Z',
        modifiedTime: new Date('2026-02-01T10:00:00Z'),
        section: 'Alluce valgo',
        tags: ['Alluce valgo', ' Chirurgia del piede ', ''],
        authors: [`${SITE_URL}/autori/marco-ferri`],
      },
    })
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2026-01-15T08:30:00.000Z',
      modifiedTime: '2026-02-01T10:00:00.000Z',
      section: 'Alluce valgo',
      tags: ['Alluce valgo', 'Chirurgia del piede'],
      authors: [`${SITE_URL}/autori/marco-ferri`],
      images: [image],
    })
    expect(metadata.twitter).toEqual({
      card: 'summary_large_image',
      title: 'Alluce valgo',
      description: 'D',
      images: [{ url: image.url, alt: image.alt }],
    })
  })

  it('leaves out article fields it cannot fill', () => {
    const metadata = buildPageMetadata({
      ...base,
      title: 'T',
      type: 'article',
      article: { publishedTime: 'not a date', section: null, tags: [] },
    })
    expect(metadata.openGraph).not.toHaveProperty('publishedTime')
    expect(metadata.openGraph).not.toHaveProperty('section')
    expect(metadata.openGraph).not.toHaveProperty('tags')
    expect(undefinedPaths(metadata)).toEqual([])
  })
})

describe('isoDateTime', () => {
  it('returns ISO 8601 in UTC, or undefined for missing and invalid dates', () => {
    expect(isoDateTime('2026-11-25T15:00:00+01:00')).toBe('2026-11-25T14:00:00.000Z')
    expect(isoDateTime(null)).toBeUndefined()
    expect(isoDateTime('ieri')).toBeUndefined()
  })
})

describe('mediaImageForSharing', () => {
  it('prefers the 1200×630 social size and makes its URL absolute', () => {
    expect(mediaImageForSharing(heroImage, SITE_URL)).toEqual({
      url: `${SITE_URL}/api/media/file/piede-1200x630.jpg`,
      width: 1200,
      height: 630,
      alt: heroImage.alt,
    })
  })

  it('falls back to the original when the social size was not generated', () => {
    const small: Media = { ...heroImage, sizes: { social: { url: null } } }
    expect(mediaImageForSharing(small, SITE_URL)).toEqual({
      url: `${SITE_URL}/api/media/file/piede.jpg`,
      width: 2400,
      height: 1600,
      alt: heroImage.alt,
    })
  })

  it('returns null without an image', () => {
    expect(mediaImageForSharing(null, SITE_URL)).toBeNull()
    expect(mediaImageForSharing(undefined, SITE_URL)).toBeNull()
    expect(mediaImageForSharing({ ...heroImage, url: null, sizes: {} }, SITE_URL)).toBeNull()
    const pdf: Media = { ...heroImage, mimeType: 'application/pdf', sizes: {} }
    expect(mediaImageForSharing(pdf, SITE_URL)).toBeNull()
  })
})
