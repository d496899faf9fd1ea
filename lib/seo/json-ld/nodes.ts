import type {
  EducationalOccupationalCredential,
  MedicalClinicLeaf,
  MedicalSpecialty,
  PersonLeaf,
  PostalAddress,
  QuantitativeValue,
  SearchAction,
  WebSite,
  WithActionConstraints,
} from 'schema-dts'

import type { Author, Clinic, Media } from '@/payload-types'
import { clinicName } from '@/lib/clinic'
import { authorPath } from '@/lib/paths'
import { displayName, populated } from '@/lib/people'
import { isImage } from '../media'
import { absoluteUrl, filled, isHttpUrl } from '../url'
import { jsonLdId } from './ids'
import { compact, oneOrMany, ref } from './util'

/** A foot-and-ankle (orthopaedic) clinic: schema.org has no "Orthopedic" specialty value. */
export const CLINIC_MEDICAL_SPECIALTY: MedicalSpecialty = 'Musculoskeletal'

const httpLinks = (links: { url: string }[] | null | undefined) =>
  (links ?? []).map((link) => link.url.trim()).filter(isHttpUrl)

/** The site, published by the clinic, with the `/cerca?q=` search as its SearchAction. */
export function websiteNode(siteUrl: string, name: string): WebSite {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}/cerca?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  }
  return {
    '@type': 'WebSite',
    '@id': jsonLdId.website(siteUrl),
    url: `${siteUrl}/`,
    name,
    inLanguage: 'it-IT',
    publisher: ref(jsonLdId.clinic(siteUrl)),
    potentialAction: search,
  }
}

function postalAddress(address: Clinic['address']): PostalAddress | undefined {
  const node: PostalAddress = compact({
    '@type': 'PostalAddress',
    streetAddress: filled(address?.street),
    postalCode: filled(address?.postalCode),
    addressLocality: filled(address?.city),
    addressRegion: filled(address?.province),
    addressCountry: filled(address?.country),
  })
  return Object.keys(node).length > 1 ? node : undefined
}

/** Image sizes in pixels (UN/CEFACT unit code E37), the only form schema.org types allow. */
const pixels = (value: number | null | undefined): QuantitativeValue | undefined =>
  value ? { '@type': 'QuantitativeValue', value, unitCode: 'E37' } : undefined

/** Italian VAT numbers are 11 digits; the EU-wide VAT ID puts the country code in front. */
function vatId(clinic: Clinic): string | undefined {
  const vat = filled(clinic.vatNumber)?.replace(/\s+/g, '')
  if (!vat) return undefined
  const country = filled(clinic.address?.country)?.toUpperCase() ?? 'IT'
  return /^[0-9]+$/.test(vat) ? `${country}${vat}` : vat
}

/** The clinic: publisher of the site and of every article. */
export function clinicNode(clinic: Clinic, siteUrl: string): MedicalClinicLeaf {
  const logo = populated<Media>(clinic.logo)
  const logoUrl = logo && isImage(logo) ? filled(logo.url) : undefined
  return compact({
    '@type': 'MedicalClinic',
    '@id': jsonLdId.clinic(siteUrl),
    name: clinicName(clinic),
    legalName: filled(clinic.legalName),
    url: `${siteUrl}/`,
    telephone: filled(clinic.phone),
    email: filled(clinic.email),
    address: postalAddress(clinic.address),
    // The logo as uploaded (not the 1200×630 sharing crop), with its own size.
    logo: logoUrl
      ? {
          '@type': 'ImageObject',
          url: absoluteUrl(logoUrl, siteUrl),
          width: pixels(logo?.width),
          height: pixels(logo?.height),
          caption: filled(logo?.alt),
        }
      : undefined,
    medicalSpecialty: CLINIC_MEDICAL_SPECIALTY,
    sameAs: oneOrMany(httpLinks(clinic.socialLinks)),
    vatID: vatId(clinic),
  } satisfies MedicalClinicLeaf)
}

/** Registration with the provincial Ordine dei Medici: what makes the author a physician. */
function ordineCredential(author: Author): EducationalOccupationalCredential | undefined {
  const province = filled(author.ordineProvince)
  const number = filled(author.ordineNumber)
  if (!province || !number) return undefined
  const ordine = `Ordine dei Medici Chirurghi e degli Odontoiatri della provincia di ${province}`
  return {
    '@type': 'EducationalOccupationalCredential',
    name: `Iscrizione all’${ordine}, n. ${number}`,
    credentialCategory: 'Iscrizione all’Albo dei Medici Chirurghi',
    identifier: number,
    recognizedBy: { '@type': 'Organization', name: ordine },
  }
}

/** One credential per non-empty line of the author's «Titoli» field. */
function listedCredentials(author: Author): EducationalOccupationalCredential[] {
  return (author.credentials ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ '@type': 'EducationalOccupationalCredential', name }))
}

/**
 * An author or medical reviewer. Always a `Person`: schema.org's `Physician` is a medical
 * organisation (a practice), not a human, and Google wants a Person as article author. The
 * Ordine registration becomes a credential instead.
 */
export function personNode(author: Author, siteUrl: string): PersonLeaf {
  const photo = populated<Media>(author.photo)
  const photoUrl = filled(photo?.url)
  const credentials = [ordineCredential(author), ...listedCredentials(author)].filter(
    (credential) => credential !== undefined,
  )
  return compact({
    '@type': 'Person',
    '@id': jsonLdId.person(siteUrl, author.slug),
    name: displayName(author),
    honorificPrefix: filled(author.honorific),
    jobTitle: filled(author.specialty),
    description: filled(author.bio),
    url: `${siteUrl}${authorPath(author.slug)}`,
    image: photoUrl ? absoluteUrl(photoUrl, siteUrl) : undefined,
    sameAs: oneOrMany(httpLinks(author.profileLinks)),
    hasCredential: oneOrMany(credentials),
    worksFor: ref(jsonLdId.clinic(siteUrl)),
  } satisfies PersonLeaf)
}
