/**
 * @jest-environment node
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import PageCacheHandler, { buildIdOf, tagsOf } from '@/lib/cache/handler.js'
import { deserializeCacheValue, serializeCacheValue } from '@/lib/cache/serialize.js'
import { createMemoryStore, estimateSize } from '@/lib/cache/memory-store.js'

type HandlerArgs = ConstructorParameters<typeof PageCacheHandler>[0]
type SetArgs = Parameters<PageCacheHandler['set']>
type GetContext = Parameters<PageCacheHandler['get']>[1]

const handlerContext: HandlerArgs = { revalidatedTags: [], _requestHeaders: {} }

/** A rendered App Router page as Next hands it to `set()`: tags travel in a header. */
const appPage = (html: string, tags: string[]): SetArgs[1] =>
  ({
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    headers: { 'x-next-cache-tags': tags.join(',') },
    postponed: undefined,
    status: 200,
    segmentData: undefined,
  }) as unknown as SetArgs[1]

const pageSet = {
  kind: 'APP_PAGE',
  isRoutePPREnabled: false,
  isFallback: false,
  cacheControl: { revalidate: 600, expire: undefined },
} as unknown as SetArgs[2]
const pageGet = {
  kind: 'APP_PAGE',
  isRoutePPREnabled: false,
  isFallback: false,
} as unknown as GetContext

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('memory store', () => {
  it('returns what was stored and forgets entries whose tag expired after they were stored', async () => {
    const store = createMemoryStore()
    await store.set('/', { value: 'home', lastModified: 1000, tags: ['_N_T_/layout'] })
    await store.set('/blog', { value: 'blog', lastModified: 1000, tags: ['_N_T_/blog'] })
    await store.expireTags(['_N_T_/layout'], 999)
    expect((await store.get('/'))?.value).toBe('home')

    await store.expireTags(['_N_T_/layout'], 1000)
    expect(await store.get('/')).toBeUndefined()
    expect((await store.get('/blog'))?.value).toBe('blog')
    expect(store.size).toBe(1)

    // Stored after the revalidation: valid again.
    await store.set('/', { value: 'home v2', lastModified: 1001, tags: ['_N_T_/layout'] })
    expect((await store.get('/'))?.value).toBe('home v2')
  })

  it('checks the extra tags given at read time (a fetch read by a revalidated page)', async () => {
    const store = createMemoryStore()
    await store.set('fetch-key', { value: 'data', lastModified: 1000, tags: [] })
    await store.expireTags(['_N_T_/blog'], 2000)
    expect((await store.get('fetch-key'))?.value).toBe('data')
    expect(await store.get('fetch-key', ['_N_T_/blog'])).toBeUndefined()
  })

  it('evicts the least recently used entries beyond its byte budget', async () => {
    const store = createMemoryStore({ maxBytes: 30 })
    await store.set('a', { value: 'x'.repeat(9), lastModified: 1, tags: [] })
    await store.set('b', { value: 'x'.repeat(9), lastModified: 1, tags: [] })
    await store.get('a') // a becomes the most recently used
    await store.set('c', { value: 'x'.repeat(9), lastModified: 1, tags: [] })
    expect(store.bytes).toBe(30)
    await store.set('d', { value: 'x'.repeat(9), lastModified: 1, tags: [] })
    expect(await store.get('b')).toBeUndefined()
    expect((await store.get('a'))?.value).toBe('x'.repeat(9))
    expect(store.size).toBe(3)
    // Larger than the whole budget: not stored, nothing evicted for it.
    await store.set('huge', { value: 'x'.repeat(100), lastModified: 1, tags: [] })
    expect(await store.get('huge')).toBeUndefined()
    expect(store.size).toBe(3)
  })

  it('estimates sizes of strings, buffers, maps and nested objects', () => {
    expect(estimateSize('abcd')).toBe(4)
    expect(estimateSize(Buffer.alloc(10))).toBe(10)
    expect(estimateSize(new Map([['/seg', Buffer.alloc(6)]]))).toBe(10)
    expect(estimateSize({ html: 'abc', rscData: Buffer.alloc(5) })).toBe(
      'html'.length + 3 + 'rscData'.length + 5,
    )
  })
})

describe('page cache handler (Next cacheHandler)', () => {
  it('starts empty: a prerendered page from the build is never served', async () => {
    const handler = new PageCacheHandler(handlerContext)
    expect(await handler.get(`/never-set-${Math.random()}`, pageGet)).toBeNull()
  })

  it('shares one store between the per-request instances Next creates', async () => {
    const key = `/shared-${Math.random()}`
    await new PageCacheHandler(handlerContext).set(
      key,
      appPage('<h1>A</h1>', ['_N_T_/layout']),
      pageSet,
    )
    const entry = await new PageCacheHandler(handlerContext).get(key, pageGet)
    expect(entry?.value).toMatchObject({ kind: 'APP_PAGE', html: '<h1>A</h1>' })
    expect(entry?.cacheControl).toEqual({ revalidate: 600, expire: undefined })
    expect(entry?.lastModified).toBeLessThanOrEqual(Date.now())
  })

  it('revalidatePath("/", "layout") drops every page under the layout, and only those', async () => {
    const handler = new PageCacheHandler(handlerContext)
    const home = `/home-${Math.random()}`
    const admin = `/admin-${Math.random()}`
    await handler.set(
      home,
      appPage('home', ['_N_T_/layout', '_N_T_/(frontend)/layout', '_N_T_/']),
      pageSet,
    )
    await handler.set(admin, appPage('admin', ['_N_T_/admin/layout']), pageSet)
    await sleep(2) // the revalidation comes strictly after the render
    await handler.revalidateTag(['_N_T_/layout'])
    expect(await handler.get(home, pageGet)).toBeNull()
    expect((await handler.get(admin, pageGet))?.value).toMatchObject({ html: 'admin' })
  })

  it('reads tags from the header for pages and from the context for fetches', () => {
    expect(tagsOf(appPage('x', ['a', 'b']), pageSet)).toEqual(['a', 'b'])
    const fetchValue = {
      kind: 'FETCH',
      data: { headers: {}, body: '', url: '' },
      revalidate: 60,
    } as unknown as SetArgs[1]
    const fetchSet = { fetchCache: true, tags: ['posts'] } as unknown as SetArgs[2]
    expect(tagsOf(fetchValue, fetchSet)).toEqual(['posts'])
    expect(tagsOf(null, pageSet)).toEqual([])
  })
})

describe('shared page cache helpers', () => {
  it('keys Redis entries by the build id Next wrote beside the server folder', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'clinica-dist-'))
    try {
      await mkdir(path.join(dist, 'server'))
      expect(buildIdOf(path.join(dist, 'server'))).toBe('development')
      await writeFile(path.join(dist, 'BUILD_ID'), 'aB3_xYz\n')
      expect(buildIdOf(path.join(dist, 'server'))).toBe('aB3_xYz')
      expect(buildIdOf(undefined)).toBe('development')
    } finally {
      await rm(dist, { recursive: true, force: true })
    }
  })

  it('turns pages into text and back: buffers, maps of buffers, nested values', () => {
    const value = {
      kind: 'APP_PAGE',
      html: '<p>è</p>',
      rscData: Buffer.from([0, 1, 254, 255]),
      segmentData: new Map([['/_index', Buffer.from('seg')]]),
      headers: { 'x-next-cache-tags': 'a,b' },
      status: 200,
      postponed: undefined,
    }
    const text = serializeCacheValue(value)
    expect(typeof text).toBe('string')
    const back = deserializeCacheValue(text) as typeof value
    expect(back.rscData).toEqual(Buffer.from([0, 1, 254, 255]))
    expect(Buffer.isBuffer(back.rscData)).toBe(true)
    expect(back.segmentData).toEqual(new Map([['/_index', Buffer.from('seg')]]))
    expect(back).toEqual({ ...value, postponed: undefined })
    expect(
      deserializeCacheValue(serializeCacheValue({ data: { body: 'x', status: 200 } })),
    ).toEqual({
      data: { body: 'x', status: 200 },
    })
  })
})
