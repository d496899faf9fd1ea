/** Public URLs of the site, in one place. */
export const postPath = (slug: string) => `/blog/${slug}`
export const categoryPath = (slug: string) => `/categorie/${slug}`
export const authorPath = (slug: string) => `/autori/${slug}`
