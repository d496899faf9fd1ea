/**
 * The cache tags of the public site, in one place. Every public read (`lib/queries`) tags the
 * data it returns, so a cached page carries the tags of everything it shows; the revalidation
 * hooks (`lib/revalidate.ts`) expire exactly the tags of what a published change touches.
 *
 * A tag of one document (`post:<slug>` …) covers that document's own page and every page that
 * shows it in detail; a collection tag (`posts` …) covers the listings of that collection.
 */
export const TAGS = {
  /** Every listing of posts: home, `/blog` pages, feed, sitemap. */
  posts: 'posts',
  /** The list of pages (sitemap). */
  pages: 'pages',
  /** Every list of categories, or of their names: home, sitemap, feed. */
  categories: 'categories',
  /** Every list of authors, or of their names: sitemap, feed. */
  authors: 'authors',
  /** The Clinic global: the layout (header, footer) and therefore every page. */
  clinic: 'clinic',
} as const

/** One article: its page, its sharing image, and the related posts of articles that pick it. */
export const postTag = (slug: string) => `post:${slug}`
/** A category's page, and the lists of the posts filed under it (category page, related posts). */
export const categoryTag = (slug: string) => `category:${slug}`
/** An author's page with the posts they wrote or reviewed. */
export const authorTag = (slug: string) => `author:${slug}`
/** A content page (`/<slug>`). */
export const pageTag = (slug: string) => `page:${slug}`

/**
 * How long public data stays cached when nothing says it changed: the safety net for changes
 * made outside a running server (seed, import, another instance). Pages use the same lifetime
 * (`revalidate` in app/(frontend)/layout.tsx, which Next needs as a literal).
 */
export const CACHE_LIFETIME_SECONDS = 600
