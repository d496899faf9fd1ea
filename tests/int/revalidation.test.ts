import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import sharp from 'sharp'

/*
 * Issue 11: every autosave (every 2 s while an editor types) purged the whole site's cache.
 * The real hooks run here on real Payload operations (Local API and REST, as the admin saves),
 * with Next's cache functions replaced by spies: what matters is exactly which tags are expired,
 * and that draft saves and autosaves expire nothing.
 */

const revalidateTag = jest.fn()
const revalidatePath = jest.fn()
jest.unstable_mockModule('next/cache', () => ({
  revalidateTag,
  revalidatePath,
  unstable_cache: (read: unknown) => read,
}))

// Imported after the mock: they load the Payload config, whose hooks import next/cache.
const { paragraphBody, QUIET, uploadsBody } = await import('./helpers/fixtures')
const { setupRestPayload } = await import('./helpers/rest')

const ctx = setupRestPayload()

/** What was expired since the last call: tags (sorted) and paths. */
function purged() {
  const tags = [...new Set(revalidateTag.mock.calls.map(([tag]) => tag as string))].sort()
  const paths = revalidatePath.mock.calls.map(([path]) => path)
  revalidateTag.mockClear()
  revalidatePath.mockClear()
  return { tags, paths }
}
const NOTHING = { tags: [], paths: [] }
const only = (...tags: string[]) => ({ tags: [...tags].sort(), paths: [] })

let fixtures: {
  alluce: { id: string; slug: string }
  chirurgia: { id: string; slug: string }
  ferri: { id: string; slug: string }
  bianchi: { id: string; slug: string }
}

beforeAll(async () => {
  const payload = ctx.payload
  const category = (title: string) =>
    payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title, slug: '', medical: false },
    })
  const author = (name: string) =>
    payload.create({ ...QUIET, collection: 'authors', data: { name, slug: '' } })
  fixtures = {
    alluce: await category('Alluce valgo'),
    chirurgia: await category('Chirurgia del piede'),
    ferri: await author('Marco Ferri'),
    bianchi: await author('Giulia Bianchi'),
  }
  await payload.updateGlobal({
    ...QUIET,
    slug: 'clinic',
    data: { name: 'Clinica di prova', medicalDirector: fixtures.ferri.id },
  })
})

beforeEach(() => {
  purged()
})

let posts = 0
/** A post of the test's own (drafts saved as a draft, like the admin does). */
async function createPost(
  name: string,
  status: 'draft' | 'published',
  extra: Record<string, unknown> = {},
) {
  const title = `${name} ${++posts}`
  const post = await ctx.payload.create({
    collection: 'posts',
    draft: status === 'draft',
    data: {
      title,
      slug: '',
      content: paragraphBody('Testo.'),
      _status: status,
      categories: [fixtures.alluce.id],
      author: fixtures.ferri.id,
      reviewedBy: fixtures.bianchi.id,
      ...extra,
    },
  })
  return { id: post.id, slug: post.slug, title }
}

const update = (id: string, data: Record<string, unknown>, draft = false) =>
  ctx.payload.update({ collection: 'posts', id, data, draft })

/** As the admin's autosave does it: PATCH ?draft=true&autosave=true. */
const autosave = async (id: string, data: Record<string, unknown>) => {
  const response = await ctx.rest('PATCH', `/posts/${id}?draft=true&autosave=true&depth=0`, {
    token: ctx.team.tokens.editor,
    json: data,
  })
  expect(response.status).toBe(200)
}

const tagsOfPost = (slug: string, ...more: string[]) => [
  `post:${slug}`,
  'posts',
  'category:alluce-valgo',
  'author:marco-ferri',
  'author:giulia-bianchi',
  ...more,
]

describe('posts: only published changes revalidate, by tag', () => {
  it('drafts and autosaves of a new post purge nothing; publishing expires its tags', async () => {
    const post = await createPost('Tallonite', 'draft')
    expect(purged()).toEqual(NOTHING)
    await autosave(post.id, { title: 'Tallonite, bozza' })
    expect(purged()).toEqual(NOTHING)
    await update(post.id, { excerpt: 'In bozza.' }, true)
    expect(purged()).toEqual(NOTHING)

    await update(post.id, { _status: 'published' })
    expect(purged()).toEqual(only(...tagsOfPost(post.slug)))
  })

  it('autosaves and draft saves of a published post purge nothing (a new draft on top)', async () => {
    const post = await createPost('Neuroma di Morton', 'published')
    expect(purged()).toEqual(only(...tagsOfPost(post.slug)))

    await autosave(post.id, { title: 'Neuroma di Morton: nuovo titolo in bozza' })
    expect(purged()).toEqual(NOTHING)
    await autosave(post.id, { title: 'Neuroma di Morton: ancora in bozza' })
    expect(purged()).toEqual(NOTHING)
    await update(post.id, { excerpt: 'Modifica in bozza.', _status: 'draft' }, true)
    expect(purged()).toEqual(NOTHING)

    const { docs } = await ctx.payload.findVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
      sort: 'createdAt',
      limit: 1,
    })
    const restored = await ctx.rest('POST', `/posts/versions/${docs[0]!.id}?draft=true`, {
      token: ctx.team.tokens.editor,
    })
    expect(restored.status).toBe(200)
    expect(purged()).toEqual(NOTHING)
  })

  it('a published post saved again expires its tags and those of articles that pick it', async () => {
    const post = await createPost('Fascite plantare', 'published')
    const picking = await createPost('Sperone calcaneare', 'published', {
      categories: [fixtures.chirurgia.id],
      relatedPosts: [post.id],
    })
    purged()
    await update(post.id, { title: 'Fascite plantare: titolo corretto' })
    expect(purged()).toEqual(only(...tagsOfPost(post.slug, `post:${picking.slug}`)))
  })

  it('publishing a draft that renamed the post expires the old and the new slug', async () => {
    const post = await createPost('Piede piatto', 'published')
    purged()
    // The rename is saved in a draft first: Payload's previousDoc then already has the new slug.
    await autosave(post.id, { slug: 'piede-piatto-nel-bambino' })
    expect(purged()).toEqual(NOTHING)
    await update(post.id, { _status: 'published' })
    expect(purged()).toEqual(only(...tagsOfPost(post.slug, 'post:piede-piatto-nel-bambino')))
  })

  it('a post moved to another category expires both categories', async () => {
    const post = await createPost('Alluce rigido', 'published')
    purged()
    await update(post.id, { categories: [fixtures.chirurgia.id], reviewedBy: null })
    expect(purged()).toEqual(only(...tagsOfPost(post.slug, 'category:chirurgia-del-piede')))
  })

  it('unpublishing with a newer draft on top expires the live article’s tags', async () => {
    const post = await createPost('Metatarsalgia', 'published')
    await autosave(post.id, { title: 'Metatarsalgia in bozza' })
    purged()
    // The admin's "Ritira" button: PATCH with `_status: draft` and no draft flag.
    const response = await ctx.rest('PATCH', `/posts/${post.id}?depth=0`, {
      token: ctx.team.tokens.editor,
      json: { _status: 'draft' },
    })
    expect(response.status).toBe(200)
    expect(purged()).toEqual(only(...tagsOfPost(post.slug)))
    // Unpublished now: saving it again (even as the live document) changes nothing public.
    await update(post.id, { excerpt: 'Ancora ritirato.', _status: 'draft' })
    expect(purged()).toEqual(NOTHING)
  })

  it('deleting a published post expires its tags; deleting a draft purges nothing', async () => {
    const published = await createPost('Borsite', 'published')
    const draft = await createPost('Borsite in bozza', 'draft')
    purged()
    await ctx.payload.delete({ collection: 'posts', id: published.id })
    expect(purged()).toEqual(only(...tagsOfPost(published.slug)))
    await ctx.payload.delete({ collection: 'posts', id: draft.id })
    expect(purged()).toEqual(NOTHING)
  })

  it('purges nothing when the caller sets disableRevalidate (seed, import)', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Dal seed', slug: '', content: paragraphBody('Testo.'), _status: 'published' },
    })
    await ctx.payload.update({ ...QUIET, collection: 'posts', id: post.id, data: { title: 'X' } })
    expect(purged()).toEqual(NOTHING)
  })
})

describe('what shows a document is revalidated with it', () => {
  it('an author: their page, the lists of authors, their published articles, the footer', async () => {
    const published = await createPost('Sesamoidite', 'published')
    await createPost('Sesamoidite in bozza', 'draft')
    purged()
    await ctx.payload.update({
      collection: 'authors',
      id: fixtures.ferri.id,
      data: { honorific: 'Dott.' },
    })
    const { tags, paths } = purged()
    expect(paths).toEqual([])
    expect(tags).toEqual(expect.arrayContaining(['author:marco-ferri', 'authors', 'clinic']))
    expect(tags).toContain(`post:${published.slug}`)
    // Only live articles: never a draft's slug.
    expect(tags.filter((tag) => tag.includes('sesamoidite-in-bozza'))).toEqual([])
  })

  it('a category renamed: old and new slug, the lists of categories, its articles and their lists', async () => {
    const category = await ctx.payload.create({
      ...QUIET,
      collection: 'categories',
      data: { title: 'Caviglia', slug: '', medical: false },
    })
    const post = await createPost('Distorsione', 'published', { categories: [category.id] })
    purged()
    await ctx.payload.update({
      collection: 'categories',
      id: category.id,
      data: { slug: 'caviglia-e-tendini' },
    })
    // Its articles' cards show the category as a chip on every listing of theirs.
    expect(purged()).toEqual(
      only(
        'categories',
        'category:caviglia',
        'category:caviglia-e-tendini',
        `post:${post.slug}`,
        'posts',
        'author:marco-ferri',
        'author:giulia-bianchi',
      ),
    )
  })

  it('a new category or author: its own page (maybe a cached 404) and the lists', async () => {
    await ctx.payload.create({
      collection: 'categories',
      data: { title: 'Ortesi', slug: '', medical: false },
    })
    expect(purged()).toEqual(only('categories', 'category:ortesi'))
    await ctx.payload.create({ collection: 'authors', data: { name: 'Luca Verdi', slug: '' } })
    expect(purged()).toEqual(only('author:luca-verdi', 'authors'))
  })

  it('a media file: the articles and pages showing it (hero or body), nothing if unused', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
    const upload = (alt: string) =>
      ctx.payload.create({
        collection: 'media',
        data: { alt },
        file: { data: png, mimetype: 'image/png', name: `${alt}.png`, size: png.length },
      })
    const hero = await upload('radiografia')
    const unused = await upload('inutilizzata')
    expect(purged()).toEqual(NOTHING)
    const post = await createPost('Osteotomia', 'published', { heroImage: hero.id })
    const page = await ctx.payload.create({
      collection: 'pages',
      data: { title: 'La clinica', slug: '', _status: 'published', content: uploadsBody(hero.id) },
    })
    // An article that shows the image only in its body: its own page, not the listings.
    const inBody = await createPost('Figura', 'published', { content: uploadsBody(hero.id) })
    purged()
    await ctx.payload.update({ collection: 'media', id: hero.id, data: { alt: 'Radiografia' } })
    // A hero image shows on the article's card too: every listing of the article.
    expect(purged()).toEqual(
      only(...tagsOfPost(post.slug), `post:${inBody.slug}`, `page:${page.slug}`),
    )
    await ctx.payload.update({ collection: 'media', id: unused.id, data: { alt: 'Altra' } })
    expect(purged()).toEqual(NOTHING)

    // Deleted: the database drops the hero reference at once, so what showed the image is read
    // before the delete.
    await ctx.payload.delete({ collection: 'media', id: hero.id })
    expect(purged()).toEqual(
      only(...tagsOfPost(post.slug), `post:${inBody.slug}`, `page:${page.slug}`),
    )
    await ctx.payload.delete({ collection: 'media', id: unused.id })
    expect(purged()).toEqual(NOTHING)
  })

  it('a deleted category or author: the articles that showed it, and their listings', async () => {
    const category = await ctx.payload.create({
      collection: 'categories',
      data: { title: 'Da eliminare', slug: '', medical: false },
    })
    const author = await ctx.payload.create({
      collection: 'authors',
      data: { name: 'Autore Uscente', slug: '' },
    })
    const filed = await createPost('Archiviato', 'published', {
      categories: [fixtures.alluce.id, category.id],
    })
    const written = await createPost('Firmato', 'published', { author: author.id })
    purged()
    await ctx.payload.delete({ collection: 'categories', id: category.id })
    expect(purged()).toEqual(
      only(...tagsOfPost(filed.slug, `category:${category.slug}`), 'categories'),
    )
    await ctx.payload.delete({ collection: 'authors', id: author.id })
    const { tags } = purged()
    expect(tags).toEqual(expect.arrayContaining([`post:${written.slug}`, `author:${author.slug}`]))
  })
})

describe('pages and the clinic', () => {
  it('pages: drafts and autosaves purge nothing, publishing expires the page', async () => {
    const page = await ctx.payload.create({
      collection: 'pages',
      draft: true,
      data: { title: 'Cookie', slug: '', _status: 'draft', content: paragraphBody('Testo.') },
    })
    await ctx.payload.update({
      collection: 'pages',
      id: page.id,
      draft: true,
      data: { intro: 'x' },
    })
    expect(purged()).toEqual(NOTHING)
    await ctx.payload.update({ collection: 'pages', id: page.id, data: { _status: 'published' } })
    expect(purged()).toEqual(only(`page:${page.slug}`, 'pages'))
    await ctx.payload.update({
      collection: 'pages',
      id: page.id,
      draft: true,
      data: { intro: 'y' },
    })
    expect(purged()).toEqual(NOTHING)
  })

  it('the Clinic global expires the clinic tag, which every page carries', async () => {
    await ctx.payload.updateGlobal({ slug: 'clinic', data: { phone: '+39 02 1234567' } })
    expect(purged()).toEqual(only('clinic'))
  })
})
