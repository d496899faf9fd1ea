import type { PayloadRequest, Where } from 'payload'

import { pageTag, postTag, TAGS } from '@/lib/cache-tags'
import { relationId } from '@/lib/people'

import { authorTags, postTags, unresolvedRelations, type PostRelations } from './decision'

/*
 * Who shows a document besides its own page: the tags of the published documents that embed it.
 * Read as the system (live documents, no access control) inside the request's transaction.
 * Only called when something public changed, so never on a draft save or an autosave. One query
 * at a time: a MongoDB transaction does not take concurrent operations.
 */

const PUBLISHED: Where = { _status: { equals: 'published' } }

async function publishedPostTags(req: PayloadRequest, where: Where): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { and: [PUBLISHED, where] },
    draft: false,
    depth: 0,
    pagination: false,
    select: { slug: true },
    req,
  })
  return docs.map((post) => postTag(post.slug))
}

/** Slugs of categories or authors by id. */
export async function slugsByIds(
  req: PayloadRequest,
  collection: 'categories' | 'authors',
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: [...ids] } },
    depth: 0,
    pagination: false,
    select: { slug: true },
    req,
  })
  return new Map(docs.map((doc) => [doc.id, doc.slug]))
}

/** Articles that hand-pick this post among their related posts. */
export const postDependents = (req: PayloadRequest, id: string) =>
  publishedPostTags(req, { relatedPosts: { in: [id] } })

/** The tags of posts and of every listing showing them as cards (home, /blog, categories, authors). */
export async function listedPostTags(
  req: PayloadRequest,
  posts: PostRelations[],
): Promise<string[]> {
  const { categories, authors } = unresolvedRelations(posts)
  const slugs = {
    categories: await slugsByIds(req, 'categories', categories),
    authors: await slugsByIds(req, 'authors', authors),
  }
  return posts.flatMap((post) => postTags(post, slugs))
}

/**
 * Articles filed under a category show its name (breadcrumbs, structured data), and so do their
 * cards, as a chip, on every listing that shows them.
 */
export async function categoryDependents(req: PayloadRequest, id: string): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { and: [PUBLISHED, { categories: { in: [id] } }] },
    draft: false,
    depth: 0,
    pagination: false,
    select: { slug: true, categories: true, author: true, reviewedBy: true },
    req,
  })
  return listedPostTags(req, docs as PostRelations[])
}

const clinicShows = async (req: PayloadRequest, field: 'logo' | 'medicalDirector', id: string) => {
  const clinic = await req.payload.findGlobal({ slug: 'clinic', depth: 0, req })
  return relationId(clinic[field] as string | { id: string } | null | undefined) === id
}

/** Articles show their author and reviewer (byline, structured data); the footer, the medical director. */
export async function authorDependents(req: PayloadRequest, id: string): Promise<string[]> {
  const posts = await publishedPostTags(req, {
    or: [{ author: { equals: id } }, { reviewedBy: { equals: id } }],
  })
  const director = await clinicShows(req, 'medicalDirector', id)
  return [...posts, ...(director ? [TAGS.clinic] : [])]
}

/**
 * A media file shows in articles (hero, sharing image, body), on content pages (body), as an
 * author's photo (their page and their articles' structured data) and as the clinic's logo.
 * Bodies are found through `bodyUploads` (fields/bodyUploads.ts), kept on every save. One query
 * per reference, each on its own index, and the published ones kept in code: with `_status` or
 * an `or` in the query SQLite walks the whole archive (35–40 ms at 10,000 articles, not 1 ms).
 */
export async function mediaDependents(req: PayloadRequest, id: string): Promise<string[]> {
  const read = { draft: false, depth: 0, pagination: false, req } as const
  const published = (doc: { _status?: string | null }) => doc._status === 'published'
  const postsShowing = async (where: Where) => {
    const { docs } = await req.payload.find({
      ...read,
      collection: 'posts',
      where,
      select: {
        slug: true,
        _status: true,
        categories: true,
        author: true,
        reviewedBy: true,
      },
    })
    return docs.filter(published)
  }
  // A hero image also shows on the post's card in every listing.
  const heroOf = await postsShowing({ heroImage: { equals: id } })
  const posts = [
    ...heroOf,
    ...(await postsShowing({ 'meta.image': { equals: id } })),
    ...(await postsShowing({ bodyUploads: { in: [id] } })),
  ]
  const pages = await req.payload.find({
    ...read,
    collection: 'pages',
    where: { bodyUploads: { in: [id] } },
    select: { slug: true, _status: true },
  })
  const authors = await req.payload.find({
    collection: 'authors',
    where: { photo: { equals: id } },
    depth: 0,
    pagination: false,
    select: { slug: true },
    req,
  })
  const logo = await clinicShows(req, 'logo', id)
  const authorPages: string[][] = []
  for (const author of authors.docs) {
    authorPages.push([...authorTags(author), ...(await authorDependents(req, author.id))])
  }
  return [
    ...(await listedPostTags(req, heroOf as PostRelations[])),
    ...posts.map((post) => postTag(post.slug)),
    ...pages.docs.filter(published).map((page) => pageTag(page.slug)),
    ...authorPages.flat(),
    ...(logo ? [TAGS.clinic] : []),
  ]
}
