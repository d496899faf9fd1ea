import type { Author, Category, Clinic, Media, Post } from '@/payload-types'
import { articleBlocksToLexical } from '@/lib/text-import'

export const SITE_URL = 'https://www.clinica.example'
export const CLINIC_NAME = 'Clinica del Piede'

const stamps = { createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z' }

export const heroImage: Media = {
  id: 'media-hero',
  alt: 'Piede dopo l’intervento',
  url: `${SITE_URL}/api/media/file/piede.jpg`,
  mimeType: 'image/jpeg',
  width: 2400,
  height: 1600,
  sizes: {
    hero: { url: `${SITE_URL}/api/media/file/piede-1600x1067.webp`, width: 1600, height: 1067 },
    social: { url: '/api/media/file/piede-1200x630.jpg', width: 1200, height: 630 },
  },
  ...stamps,
}

export const logo: Media = {
  id: 'media-logo',
  alt: 'Logo della clinica',
  url: '/api/media/file/logo.png',
  mimeType: 'image/png',
  width: 512,
  height: 512,
  ...stamps,
}

export const surgeon: Author = {
  id: 'author-ferri',
  honorific: 'Dott.',
  name: 'Marco Ferri',
  slug: 'marco-ferri',
  specialty: 'Ortopedia e traumatologia',
  credentials: 'Laurea in Medicina e Chirurgia\n\nSpecializzazione in Ortopedia',
  ordineProvince: 'Milano',
  ordineNumber: '12345',
  bio: 'Chirurgo del piede.',
  photo: { ...logo, id: 'media-ferri', url: '/api/media/file/ferri.jpg', mimeType: 'image/jpeg' },
  profileLinks: [
    { label: 'LinkedIn', url: 'https://www.linkedin.com/in/marco-ferri' },
    { label: 'Non valido', url: 'javascript:alert(1)' },
  ],
  ...stamps,
}

export const reviewer: Author = {
  id: 'author-neri',
  honorific: 'Dott.ssa',
  name: 'Giulia Neri',
  slug: 'giulia-neri',
  ...stamps,
}

export const halluxCategory: Category = {
  id: 'category-hallux',
  title: 'Alluce valgo',
  slug: 'alluce-valgo',
  description: 'La deformità più diffusa del piede.',
  ...stamps,
}

export const surgeryCategory: Category = {
  id: 'category-surgery',
  title: 'Chirurgia del piede',
  slug: 'chirurgia-del-piede',
  ...stamps,
}

export const clinic: Clinic = {
  id: 'clinic',
  name: CLINIC_NAME,
  legalName: 'Clinica del Piede S.r.l.',
  vatNumber: '01234567897',
  address: {
    street: 'Via Roma 1',
    postalCode: '20100',
    city: 'Milano',
    province: 'MI',
    country: 'IT',
  },
  phone: '+39 02 1234 5678',
  email: 'info@clinica.example',
  logo,
  socialLinks: [{ label: 'Facebook', url: 'https://www.facebook.com/clinica' }],
  medicalDisclaimer: 'Non sostituisce il parere del medico.',
}

export const POST_SLUG = 'intervento-mini-invasivo-alluce-valgo'
export const POST_URL = `${SITE_URL}/blog/${POST_SLUG}`

export const post: Post = {
  id: 'post-mini-invasive',
  title: 'Intervento mini invasivo per l’alluce valgo',
  excerpt: 'Incisioni di pochi millimetri e appoggio immediato del piede.',
  slug: POST_SLUG,
  heroImage,
  content: articleBlocksToLexical([
    { type: 'heading', level: 2, text: 'Che cos’è' },
    { type: 'paragraph', text: 'Una tecnica con piccole incisioni sulla cute.' },
  ]) as Post['content'],
  author: surgeon,
  reviewedBy: reviewer,
  lastReviewedAt: '2026-02-14T23:00:00.000Z',
  procedure: {
    name: 'Intervento mini invasivo per l’alluce valgo',
    bodyLocation: 'Piede (alluce)',
    howPerformed: 'Osteotomie attraverso piccole incisioni.',
    preparation: 'Visita specialistica ed esami radiologici.',
    followUp: 'Scarpe ortopediche per 30/40 giorni.',
  },
  faq: [
    { question: 'Servono viti?', answer: 'No, non servono mezzi di sintesi.' },
    { question: 'Quando si appoggia il piede?', answer: 'Subito dopo l’intervento.' },
  ],
  meta: { title: null, description: null, image: null, noindex: false },
  categories: [halluxCategory, surgeryCategory],
  publishedAt: '2026-01-15T08:30:00.000Z',
  ...stamps,
}

export const breadcrumbs = [
  { name: 'Home', path: '/' },
  { name: 'Alluce valgo', path: '/categorie/alluce-valgo' },
  { name: post.title, path: `/blog/${POST_SLUG}` },
]

/** Paths (like `a.b[0]`) of every `undefined` value inside `value`. */
export function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path]
  if (Array.isArray(value)) return value.flatMap((item, i) => undefinedPaths(item, `${path}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => undefinedPaths(item, `${path}.${key}`))
  }
  return []
}
