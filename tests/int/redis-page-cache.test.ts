import { describe, expect, it } from '@jest/globals'

import PageCacheHandler, { createPageCacheStore } from '@/lib/cache/handler.js'
import { createRedisStore } from '@/lib/cache/redis-store.js'

import { redisForThisFile } from './helpers/redis'

/*
 * The page cache shared through Redis: two stores on two connections are two app instances.
 * What one stores, the other serves; what one expires (a publish), the other stops serving.
 */

type HandlerArgs = ConstructorParameters<typeof PageCacheHandler>[0]
type SetArgs = Parameters<PageCacheHandler['set']>
type GetContext = Parameters<PageCacheHandler['get']>[1]

const redisFile = redisForThisFile()
const connect = () => redisFile.connect()

let n = 0
const fresh = (name: string) => `/${name}-${++n}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('Redis page cache store (two instances)', () => {
  it('serves on instance B what instance A stored, and stops once A expires one of its tags', async () => {
    const a = createRedisStore(connect(), { buildId: 'build-1' })
    const b = createRedisStore(connect(), { buildId: 'build-1' })
    const home = fresh('home')
    const blog = fresh('blog')
    await a.set(home, {
      value: { html: 'home' },
      lastModified: Date.now(),
      tags: ['_N_T_/layout', 'posts'],
    })
    await a.set(blog, { value: { html: 'blog' }, lastModified: Date.now(), tags: ['_N_T_/blog'] })

    const seen = await b.get(home)
    expect(seen?.value).toEqual({ html: 'home' })
    expect(seen?.tags).toEqual(['_N_T_/layout', 'posts'])
    expect(Math.abs((seen?.lastModified ?? 0) - Date.now())).toBeLessThan(5_000)

    await sleep(2) // the publish comes strictly after the render
    await a.expireTags(['posts'], Date.now())
    expect(await b.get(home)).toBeUndefined()
    expect(await a.get(home)).toBeUndefined()
    expect((await b.get(blog))?.value).toEqual({ html: 'blog' })

    // Rendered again after the publish: served again, on both.
    await b.set(home, { value: { html: 'home v2' }, lastModified: Date.now(), tags: ['posts'] })
    expect((await a.get(home))?.value).toEqual({ html: 'home v2' })
  })

  it('checks the extra tags given at read time (a fetch read by a revalidated page)', async () => {
    const a = createRedisStore(connect(), { buildId: 'build-1' })
    const b = createRedisStore(connect(), { buildId: 'build-1' })
    const key = fresh('fetch')
    await a.set(key, { value: 'data', lastModified: Date.now(), tags: [] })
    await sleep(2)
    await b.expireTags([`_N_T_${key}`], Date.now())
    expect((await a.get(key))?.value).toBe('data')
    expect(await a.get(key, [`_N_T_${key}`])).toBeUndefined()
  })

  it('keeps builds apart, but a revalidation on any build expires the entries of all', async () => {
    const connection = connect()
    const oldBuild = createRedisStore(connection, { buildId: 'build-old' })
    const newBuild = createRedisStore(connection, { buildId: 'build-new' })
    const key = fresh('page')
    await oldBuild.set(key, {
      value: 'rendered by the old build',
      lastModified: Date.now(),
      tags: ['posts'],
    })
    // A fresh deploy never serves what an older build cached.
    expect(await newBuild.get(key)).toBeUndefined()

    await newBuild.set(key, {
      value: 'rendered by the new build',
      lastModified: Date.now(),
      tags: ['posts'],
    })
    expect((await newBuild.get(key))?.value).toBe('rendered by the new build')
    // A publish on an instance still running the old build (rolling deploy) reaches the new one.
    await sleep(2)
    await oldBuild.expireTags(['posts'], Date.now())
    expect(await newBuild.get(key)).toBeUndefined()
  })

  it('drops entries after their lifetime', async () => {
    const store = createRedisStore(connect(), { buildId: 'build-ttl', entryTtlMs: 200 })
    const key = fresh('short')
    await store.set(key, { value: 'x', lastModified: Date.now(), tags: [] })
    expect((await store.get(key))?.value).toBe('x')
    await sleep(300)
    expect(await store.get(key)).toBeUndefined()
  })
})

/** A rendered App Router page as Next hands it to `set()`: tags travel in a header. */
const appPage = (html: string, tags: string[]): SetArgs[1] =>
  ({
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    headers: { 'x-next-cache-tags': tags.join(',') },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
  }) as unknown as SetArgs[1]
const pageSet = { cacheControl: { revalidate: 600, expire: 86_400 } } as unknown as SetArgs[2]
const pageGet = {
  kind: 'APP_PAGE',
  isRoutePPREnabled: false,
  isFallback: false,
} as unknown as GetContext

describe('page cache handler on Redis', () => {
  /** An app instance's handler: its own store on its own connection (`registry` bypassed). */
  const instance = () => {
    const connection = connect()
    const store = createPageCacheStore({ redis: () => connection })
    const handler = new PageCacheHandler({
      revalidatedTags: [],
      _requestHeaders: {},
    } as HandlerArgs)
    handler.store = store
    return handler
  }

  it('returns on B the exact page A rendered: HTML, RSC payload, segments, lifetime', async () => {
    const a = instance()
    const b = instance()
    const key = fresh('articolo')
    await a.set(
      key,
      appPage('<h1>Alluce valgo</h1>', ['_N_T_/layout', '_N_T_/blog/alluce']),
      pageSet,
    )

    const entry = await b.get(key, pageGet)
    const value = entry?.value as unknown as {
      html: string
      rscData: Buffer
      segmentData: Map<string, Buffer>
      headers: Record<string, string>
      status: number
    }
    expect(value.html).toBe('<h1>Alluce valgo</h1>')
    expect(Buffer.isBuffer(value.rscData)).toBe(true)
    expect(value.rscData.toString()).toBe('rsc:<h1>Alluce valgo</h1>')
    expect([...value.segmentData]).toEqual([['/_tree', Buffer.from([0, 1, 2, 255])]])
    expect(value.headers).toEqual({ 'x-next-cache-tags': '_N_T_/layout,_N_T_/blog/alluce' })
    expect(value.status).toBe(200)
    expect(entry?.cacheControl).toEqual({ revalidate: 600, expire: 86_400 })

    // revalidatePath('/', 'layout') on A: B renders fresh at its next request.
    await sleep(2)
    await a.revalidateTag(['_N_T_/layout'])
    expect(await b.get(key, pageGet)).toBeNull()
  })

  it('uses memory, not Redis, where no connection was opened (`next build`, REDIS_URL unset)', async () => {
    const store = createPageCacheStore({ redis: () => undefined })
    const key = fresh('memory')
    await store.set(key, { value: 'local', lastModified: Date.now(), tags: [] })
    expect((await store.get(key))?.value).toBe('local')
    const shared = createRedisStore(connect(), { buildId: 'development' })
    expect(await shared.get(key)).toBeUndefined()
  })
})
