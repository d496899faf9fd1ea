import { adminHeaders } from '../tests/e2e/helpers/rest'

import { GRAPHQL_MAX_COST, MAX_LIMIT } from '../lib/api-guard/limits'
import {
  ARTICLE_PATH,
  median,
  now,
  percentile,
  ratio,
  round,
  standalone,
  type BenchContext,
  type BenchResult,
} from './lib'

/**
 * The most expensive anonymous request the API still accepts, REST and GraphQL, against a
 * simple read (`/api/posts?limit=1&depth=0`) in the same run. With enough published posts that
 * every list is full, the worst accepted request is, by construction of the limits:
 * - REST: a full page (limit=100) populated to the anonymous maximum depth (2);
 * - GraphQL: aliased lists filling the cost bound (three full pages of posts with their body and
 *   a shorter fourth, or fewer posts each with their related posts).
 * Target: each stays within TARGET_RATIO × the simple read. Also reported: what the refused
 * attack (fifty aliased 100-post lists) costs now, and the simple read's latency while 20 of the
 * worst GraphQL requests run at once (the probe saw 18 ms become 3.7 s).
 */

/** Copies of the seeded article, published, so that every accepted list is full. */
const COPIES = 2 * MAX_LIMIT + 40
const REFERENCE_SAMPLES = 30
const HEAVY_SAMPLES = 10
const WARMUP = 3
const PARALLEL = 20
/**
 * One accepted request may cost at most as much as 25 simple reads: the limits allow 100 posts
 * per REST page and about 330 per GraphQL request, where the probe's attack asked for 5,000.
 */
const TARGET_RATIO = 25

type Request = { label: string; url: string; init?: RequestInit }

async function timed({
  url,
  init,
}: Request): Promise<{ ms: number; status: number; body: string }> {
  const started = now()
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) })
  const body = await response.text()
  return { ms: now() - started, status: response.status, body }
}

/** Sequential samples after a warm-up; every answer must be a 200 without GraphQL errors. */
async function sample(request: Request, count: number) {
  const times: number[] = []
  for (let i = 0; i < WARMUP + count; i++) {
    const { ms, status, body } = await timed(request)
    if (status !== 200 || 'errors' in (JSON.parse(body) as object)) {
      throw new Error(`${request.label} answered ${status}: ${body.slice(0, 300)}`)
    }
    if (i >= WARMUP) times.push(ms)
  }
  return { p50: median(times), p95: percentile(times, 95) }
}

const graphqlRequest = (base: string, label: string, query: string): Request => ({
  label,
  url: `${base}/api/graphql`,
  init: {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  },
})

/**
 * Aliased `Posts(limit: n) { docs { <selection> } }` filling the cost bound: as many full pages
 * as fit, then one shorter list with what is left. `perDoc` is the selection's cost per post
 * including `docs` itself (see lib/api-guard/graphql-cost.ts).
 */
function fillCostBound(selection: string, perDoc: number) {
  const lists: number[] = []
  let left = GRAPHQL_MAX_COST
  while (left > 1 + perDoc) {
    const limit = Math.min(MAX_LIMIT, Math.floor((left - 1) / perDoc))
    lists.push(limit)
    left -= 1 + limit * perDoc
  }
  const cost = GRAPHQL_MAX_COST - left
  const query = `{ ${lists.map((limit, i) => `a${i}: Posts(limit: ${limit}) { docs { ${selection} } }`).join(' ')} }`
  return { query, cost, posts: lists.reduce((sum, limit) => sum + limit, 0), lists: lists.length }
}

/** Publishes COPIES copies of the seeded article over REST (any engine); returns their ids. */
async function publishCopies(base: string, headers: Record<string, string>) {
  const slug = ARTICLE_PATH.split('/').pop()!
  const found = await fetch(`${base}/api/posts?where[slug][equals]=${slug}&depth=0`, { headers })
  const source = ((await found.json()) as { docs: Record<string, unknown>[] }).docs[0]
  if (!source) throw new Error(`seeded post ${slug} not found`)
  const { id: _id, createdAt: _c, updatedAt: _u, slug: _s, createdBy: _b, ...fields } = source
  // Array rows keep their ids in a copy unless dropped (and ids are unique across documents).
  fields.faq = (fields.faq as Record<string, unknown>[] | undefined)?.map(
    ({ id: _row, ...row }) => row,
  )
  const ids: string[] = []
  for (let i = 1; i <= COPIES; i++) {
    const response = await fetch(`${base}/api/posts?depth=0`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ...fields,
        title: `${String(source.title)} (copia ${i} per il benchmark API)`,
        slug: '',
        _status: 'published',
      }),
    })
    if (response.status !== 201) {
      throw new Error(`copy ${i} answered ${response.status}: ${await response.text()}`)
    }
    ids.push(((await response.json()) as { doc: { id: string } }).doc.id)
  }
  return ids
}

async function deleteCopies(base: string, headers: Record<string, string>, ids: string[]) {
  for (let i = 0; i < ids.length; i += MAX_LIMIT) {
    const chunk = ids.slice(i, i + MAX_LIMIT)
    const where = chunk.map((id, j) => `where[id][in][${j}]=${id}`).join('&')
    await fetch(`${base}/api/posts?${where}`, { method: 'DELETE', headers })
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const base = ctx.app.baseUrl
  const headers = await adminHeaders(base)
  const started = now()
  const ids = await publishCopies(base, headers)
  ctx.log(
    `  published ${ids.length} copies of the article over REST in ${Math.round(now() - started)} ms`,
  )
  try {
    const reference = await sample(
      { label: 'simple read', url: `${base}/api/posts?limit=1&depth=0` },
      REFERENCE_SAMPLES,
    )
    const rest: Request[] = [
      { label: `limit=${MAX_LIMIT}&depth=2`, url: `${base}/api/posts?limit=${MAX_LIMIT}&depth=2` },
      {
        label: `limit=${MAX_LIMIT}&depth=2&draft=true`,
        url: `${base}/api/posts?limit=${MAX_LIMIT}&depth=2&draft=true`,
      },
      {
        label: `limit=${MAX_LIMIT}&depth=2&where[content][like]=alluce&sort=-title`,
        url: `${base}/api/posts?limit=${MAX_LIMIT}&depth=2&where[content][like]=alluce&sort=-title`,
      },
    ]
    const flat = fillCostBound('title content', 3)
    const nested = fillCostBound('title content relatedPosts { title content }', 24)
    const graphql: Request[] = [
      graphqlRequest(
        base,
        `${flat.lists} aliases, ${flat.posts} posts with body (cost ${flat.cost})`,
        flat.query,
      ),
      graphqlRequest(
        base,
        `${nested.lists} alias(es), ${nested.posts} posts with related posts (cost ${nested.cost})`,
        nested.query,
      ),
    ]
    const measure = async (requests: Request[]) => {
      const results = []
      for (const request of requests) {
        const figures = await sample(request, HEAVY_SAMPLES)
        ctx.log(`  ${request.label}: p50 ${round(figures.p50)} ms, p95 ${round(figures.p95)} ms`)
        results.push({ request, ...figures })
      }
      return results.sort((a, b) => b.p50 - a.p50)
    }
    ctx.log(`  simple read: p50 ${round(reference.p50)} ms, p95 ${round(reference.p95)} ms`)
    const restResults = await measure(rest)
    const graphqlResults = await measure(graphql)

    // The probe's attack, refused before it runs.
    const attack = graphqlRequest(
      base,
      'fifty aliased 100-post lists',
      `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: Posts(limit: 100) { docs { title content } }`).join(' ')} }`,
    )
    const refusedTimes: number[] = []
    for (let i = 0; i < WARMUP + HEAVY_SAMPLES; i++) {
      const { ms, body } = await timed(attack)
      if (!body.includes('troppo costosa'))
        throw new Error(`attack not refused: ${body.slice(0, 200)}`)
      if (i >= WARMUP) refusedTimes.push(ms)
    }

    // The probe's load: many worst requests at once, and a simple read in the middle of them.
    const worstGraphql = graphqlResults[0]!.request
    const during: number[] = []
    const load = Promise.all(Array.from({ length: PARALLEL }, () => timed(worstGraphql)))
    for (let i = 0; i < 5; i++)
      during.push((await timed({ label: 'read', url: `${base}/api/posts?limit=1&depth=0` })).ms)
    const loadTimes = (await load).map((r) => r.ms)

    const bound = (kind: string, worst: (typeof restResults)[number], all: typeof restResults) => ({
      name: `Worst accepted anonymous ${kind} p50`,
      figure: round(worst.p50),
      unit: 'ms',
      reference: round(reference.p50),
      referenceLabel: '/api/posts?limit=1&depth=0 p50 (anonymous)',
      ratio: ratio(worst.p50, reference.p50),
      target: `≤ ${TARGET_RATIO} × simple read`,
      pass: worst.p50 <= TARGET_RATIO * reference.p50,
      notes: `worst of: ${all.map((r) => `${r.request.label} ${round(r.p50)} ms (p95 ${round(r.p95)})`).join('; ')}; ${HEAVY_SAMPLES} sequential after ${WARMUP} warm-up; ${ids.length} extra published posts`,
    })
    return [
      bound('REST read', restResults[0]!, restResults),
      bound('GraphQL query', graphqlResults[0]!, graphqlResults),
      {
        name: 'Refused GraphQL attack (50 × Posts(limit: 100)) p50',
        figure: round(median(refusedTimes)),
        unit: 'ms',
        reference: round(reference.p50),
        referenceLabel: '/api/posts?limit=1&depth=0 p50 (anonymous)',
        ratio: ratio(median(refusedTimes), reference.p50),
        target: 'report only',
        pass: null,
        notes: 'answered with the cost error before any resolver runs',
      },
      {
        name: `Simple read during ${PARALLEL} parallel worst GraphQL queries (median)`,
        figure: round(median(during)),
        unit: 'ms',
        reference: round(reference.p50),
        referenceLabel: '/api/posts?limit=1&depth=0 p50, idle server',
        ratio: ratio(median(during), reference.p50),
        target: 'report only',
        pass: null,
        notes: `5 reads while ${PARALLEL} × "${worstGraphql.label}" ran (those took ${round(median(loadTimes))} ms median, ${round(Math.max(...loadTimes))} ms max); the probe saw 18 ms → 3.7 s with 20 × 50 aliases`,
      },
    ]
  } finally {
    await deleteCopies(base, headers, ids)
  }
}

await standalone(import.meta.url, run)
