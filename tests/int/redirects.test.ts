import { describe, expect, it } from '@jest/globals'

import { paragraphBody, QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()
const content = paragraphBody('Testo.')

const redirectFrom = async (from: string) =>
  (await ctx.payload.find({ collection: 'redirects', where: { from: { equals: from } }, depth: 1 }))
    .docs[0]

describe('automatic redirects', () => {
  it('a rename saved as a draft and then published still redirects the URL patients knew', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Neuroma di Morton', slug: '', content, _status: 'published' },
    })
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { slug: 'neuroma-di-morton-sintomi' },
    })
    expect(await redirectFrom('/blog/neuroma-di-morton')).toBeUndefined()
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { _status: 'published' },
    })
    const redirect = await redirectFrom('/blog/neuroma-di-morton')
    expect(redirect?.type).toBe('301')
    expect((redirect?.to?.reference?.value as { slug: string }).slug).toBe(
      'neuroma-di-morton-sintomi',
    )
  })

  it('renaming a published post redirects its old URL to the post, with no chains', async () => {
    const post = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Alluce rigido', slug: '', content, _status: 'published' },
    })
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { slug: 'alluce-rigido-cause' },
    })
    const first = await redirectFrom('/blog/alluce-rigido')
    expect(first?.type).toBe('301')
    expect(first?.to?.type).toBe('reference')
    expect((first?.to?.reference?.value as { id: string }).id).toBe(post.id)

    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: post.id,
      data: { slug: 'alluce-rigido-cura' },
    })
    // Both old URLs lead to the post itself, wherever it lives now: one hop each.
    for (const from of ['/blog/alluce-rigido', '/blog/alluce-rigido-cause']) {
      const redirect = await redirectFrom(from)
      expect((redirect?.to?.reference?.value as { slug: string }).slug).toBe('alluce-rigido-cura')
    }
  })

  it('does not redirect when a draft changes slug, and a post taking a path back removes its redirect', async () => {
    const draft = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      draft: true,
      data: { title: 'Bozza rinominata', slug: '', content, _status: 'draft' },
    })
    await ctx.payload.update({
      ...QUIET,
      collection: 'posts',
      id: draft.id,
      draft: true,
      data: { slug: 'bozza-nuova' },
    })
    expect(await redirectFrom('/blog/bozza-rinominata')).toBeUndefined()

    const reused = await ctx.payload.create({
      ...QUIET,
      collection: 'posts',
      data: { title: 'Alluce rigido', slug: 'alluce-rigido', content, _status: 'published' },
    })
    expect(reused.slug).toBe('alluce-rigido')
    expect(await redirectFrom('/blog/alluce-rigido')).toBeUndefined()
  })
})

describe('the redirect manager', () => {
  const custom = (from: string, url: string) =>
    ctx.payload.create({
      collection: 'redirects',
      data: { from, to: { type: 'custom', url }, type: '301' },
    })

  it('normalises the source and collapses chains in both directions', async () => {
    await custom('promo-estate/', '/blog/b')
    expect((await redirectFrom('/promo-estate'))?.to?.url).toBe('/blog/b')
    await custom('/blog/b', '/blog/c')
    // The older redirect now goes straight to the end of the chain.
    expect((await redirectFrom('/promo-estate'))?.to?.url).toBe('/blog/c')
    await custom('/blog/a', '/promo-estate')
    expect((await redirectFrom('/blog/a'))?.to?.url).toBe('/blog/c')
  })

  it('refuses loops and unsafe targets with a clear message, storing nothing', async () => {
    const before = await ctx.payload.count({ collection: 'redirects' })
    await expect(custom('/blog/c', '/blog/a')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'from', message: expect.stringContaining('creerebbe un ciclo') }] },
    })
    await expect(custom('/x', 'javascript:alert(1)')).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [{ path: 'to.url', message: expect.stringContaining('Indirizzo non valido') }],
      },
    })
    expect(await ctx.payload.count({ collection: 'redirects' })).toEqual(before)
  })

  it('is readable by anyone but writable only by staff', async () => {
    await expect(
      ctx.payload.find({ collection: 'redirects', overrideAccess: false }),
    ).resolves.toMatchObject({
      totalDocs: expect.any(Number),
    })
    await expect(
      ctx.payload.create({
        collection: 'redirects',
        overrideAccess: false,
        data: { from: '/y', to: { type: 'custom', url: '/' }, type: '301' },
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
