import { randomBytes } from 'node:crypto'

import type { CollectionSlug, Payload } from 'payload'

import { DEFAULT_ADMIN_EMAIL, type Env } from '@/lib/env'

import { demoSurgeon } from './factories/authors'
import { categories } from './factories/categories'
import { DEMO_BRAND_COLOR, demoClinic } from './factories/clinic'
import { legalPages } from './factories/pages'
import { mainArticle, samplePosts, type PostSeed } from './factories/posts'
import { clinicLogo, heroIllustration, portraitPlaceholder, type GeneratedImage } from './images'

export type SeedOptions = {
  reset?: boolean
  /** First admin account, used only when no user exists yet. */
  admin?: Partial<Pick<Env, 'adminEmail' | 'adminPassword'>>
  log?: (message: string) => void
}

export type SeedReport = {
  created: string[]
  kept: string[]
  admin?: { email: string; password?: string; generated: boolean }
}

// The seed writes as the system (no user) and never triggers page revalidation.
const system = { overrideAccess: true, context: { disableRevalidate: true } } as const

/** Collections the seed owns, emptied by `--reset` (children before what they point to). */
const RESET_ORDER: CollectionSlug[] = [
  'redirects',
  'posts',
  'pages',
  'categories',
  'authors',
  'media',
]

/**
 * Idempotent: every document is looked up by its natural key (slug, filename) and created only
 * when missing, so a second run changes nothing and editors' corrections are never overwritten.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => undefined)
  const report: SeedReport = { created: [], kept: [] }

  if (options.reset) {
    for (const collection of RESET_ORDER) {
      await payload.delete({ ...system, collection, where: { id: { exists: true } } })
      log(`Reset: emptied ${collection}`)
    }
  }

  const findOne = async (collection: CollectionSlug, field: string, value: string) => {
    const { docs } = await payload.find({
      ...system,
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
    })
    return docs[0] as { id: string } | undefined
  }

  const ensure = async (
    label: string,
    existing: { id: string } | undefined,
    create: () => Promise<{ id: string }>,
  ) => {
    if (existing) {
      report.kept.push(label)
      return existing.id
    }
    const doc = await create()
    report.created.push(label)
    log(`Created ${label}`)
    return doc.id
  }

  const ensureImage = async (image: () => Promise<GeneratedImage>, name: string, alt: string) =>
    ensure(`media ${name}`, await findOne('media', 'filename', name), async () =>
      payload.create({ ...system, collection: 'media', data: { alt }, file: await image() }),
    )

  const heroId = await ensureImage(
    heroIllustration,
    'alluce-valgo-illustrazione.png',
    'Illustrazione schematica di un piede con l’alluce deviato verso le altre dita (alluce valgo)',
  )
  const portraitId = await ensureImage(
    portraitPlaceholder,
    'ritratto-segnaposto.png',
    `Ritratto segnaposto di ${demoSurgeon.honorific} ${demoSurgeon.name}`,
  )

  const logoId = await ensureImage(
    () => clinicLogo(DEMO_BRAND_COLOR),
    'logo-clinica.png',
    'Clinica del Piede (demo)',
  )

  const surgeonId = await ensure(
    `author ${demoSurgeon.slug}`,
    await findOne('authors', 'slug', demoSurgeon.slug),
    () =>
      payload.create({
        ...system,
        collection: 'authors',
        data: { ...demoSurgeon, photo: portraitId },
      }),
  )

  const categoryIds = new Map<string, string>()
  for (const { parentSlug, ...category } of categories) {
    const id = await ensure(
      `category ${category.slug}`,
      await findOne('categories', 'slug', category.slug),
      () =>
        payload.create({
          ...system,
          collection: 'categories',
          data: { ...category, parent: parentSlug ? categoryIds.get(parentSlug) : undefined },
        }),
    )
    categoryIds.set(category.slug, id)
  }

  const now = new Date().toISOString()
  const ensurePost = async (
    post: PostSeed,
    extra: { heroImage?: string; relatedPosts?: string[]; pinned?: boolean } = {},
  ) => {
    const { categorySlugs, ...data } = post
    return ensure(`post ${post.slug}`, await findOne('posts', 'slug', post.slug), () =>
      payload.create({
        ...system,
        collection: 'posts',
        data: {
          ...data,
          ...extra,
          _status: 'published',
          publishedAt: now,
          lastReviewedAt: now,
          author: surgeonId,
          reviewedBy: surgeonId,
          categories: categorySlugs
            .map((slug) => categoryIds.get(slug))
            .filter((id) => id !== undefined),
        },
      }),
    )
  }

  const sampleIds: string[] = []
  for (const post of samplePosts) sampleIds.push(await ensurePost(post))
  // The clinic's own article leads the home page ("In evidenza") whatever is published later.
  await ensurePost(await mainArticle(), {
    heroImage: heroId,
    relatedPosts: sampleIds,
    pinned: true,
  })

  for (const page of legalPages) {
    await ensure(`page ${page.slug}`, await findOne('pages', 'slug', page.slug), () =>
      payload.create({ ...system, collection: 'pages', data: { ...page, _status: 'published' } }),
    )
  }

  const clinic = await payload.findGlobal({ ...system, slug: 'clinic', depth: 0 })
  if (options.reset || !clinic.name) {
    await payload.updateGlobal({ ...system, slug: 'clinic', data: demoClinic(surgeonId, logoId) })
    report.created.push('clinic (demo data)')
    log('Created clinic (demo data)')
  } else {
    report.kept.push('clinic')
  }

  report.admin = await ensureFirstAdmin(payload, options.admin ?? {})
  return report
}

async function ensureFirstAdmin(
  payload: Payload,
  { adminEmail, adminPassword }: Partial<Pick<Env, 'adminEmail' | 'adminPassword'>>,
): Promise<SeedReport['admin']> {
  const { totalDocs } = await payload.count({ ...system, collection: 'users' })
  if (totalDocs > 0) return undefined
  const email = adminEmail ?? DEFAULT_ADMIN_EMAIL
  const password = adminPassword ?? randomBytes(12).toString('base64url')
  await payload.create({
    ...system,
    collection: 'users',
    data: { email, password, name: 'Amministratore', role: 'admin' },
  })
  return { email, password: adminPassword ? undefined : password, generated: !adminPassword }
}
