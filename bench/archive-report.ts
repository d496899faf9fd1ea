import type { Sample } from './archive-load'
import { ratio, round, type BenchResult } from './lib'

/* What bench/archive.ts measured, turned into results with their targets, and its table. */

type First = { ms: number; bytes: number; cache: string | null; cacheControl: string }

export type Measured = {
  n: number
  pages: { blogPage: number; categoryPage: number; category: { slug: string; posts: number } }
  build: { small: number; large: number }
  first: Record<string, First>
  cached: Record<string, Sample>
  health: { one: Sample; ten: Sample }
  search: {
    firstMs: number
    firstStatus: number
    one: Record<string, Sample>
    ten: Record<string, Sample>
  }
  memory: { idleMb: number; afterSearchesMb: number; finalMb: number; searches: number }
  /** Median ms of an admin's REST save: an image's alt text, and an unused category's text. */
  saves: { mediaMs: number; categoryMs: number; rounds: number }
}

const SEARCH_P95_MS = 50
const SEARCH_PER_SECOND = 100
const MEMORY_FACTOR = 1.5
const BUILD_FACTOR = 1.2
/** A media save looks up what shows the image (bodies included) by index, not by reading them. */
const MEDIA_SAVE_FACTOR = 3
const TERM_LABELS: Record<string, string> = {
  common: 'common term',
  rare: 'rare term',
  none: 'no match',
}

const result = (r: Omit<BenchResult, 'ratio'>): BenchResult => ({
  ...r,
  ratio: ratio(r.figure, r.reference),
})

const statusNote = (s: Sample) => `${s.requests} requests (${s.statuses}), ${s.failures} unexpected`

export function resultsOf(m: Measured): BenchResult[] {
  const at = `at ${m.n} published articles`
  const health1 = m.health.one
  const health10 = m.health.ten
  const search = Object.keys(TERM_LABELS).flatMap((key) => {
    const one = m.search.one[key]!
    const ten = m.search.ten[key]!
    const label = TERM_LABELS[key]!
    return [
      result({
        name: `Search p95, ${label}, 1 client`,
        figure: one.p95,
        unit: 'ms',
        reference: health1.p95,
        referenceLabel: '/api/health p95, 1 client',
        target: `< ${SEARCH_P95_MS} ms`,
        pass: one.failures === 0 && one.p95 < SEARCH_P95_MS,
        notes: `p50 ${one.p50} ms (reference ${health1.p50} ms); ${statusNote(one)}; ${at}`,
      }),
      result({
        name: `Search throughput, ${label}, 10 clients`,
        figure: ten.perSecond,
        unit: 'req/s',
        reference: health10.perSecond,
        referenceLabel: '/api/health, 10 clients',
        target: `≥ ${SEARCH_PER_SECOND} req/s`,
        pass: ten.failures === 0 && ten.perSecond >= SEARCH_PER_SECOND,
        notes: `p50 ${ten.p50} ms, p95 ${ten.p95} ms; ${statusNote(ten)}`,
      }),
    ]
  })
  const blogFirst = m.first.blog!
  const blogCached = m.cached.blog!
  const listingLabels: [string, string][] = [
    ['blogPage', `/blog/pagina/${m.pages.blogPage}`],
    ['categoryPage', `/categorie/${m.pages.category.slug}/pagina/${m.pages.categoryPage}`],
    ['sitemapIndex', '/sitemap.xml (index)'],
  ]
  const listings = listingLabels.flatMap(([key, label]) => {
    const first = m.first[key]!
    const cached = m.cached[key]!
    const fromCache = first.cache === 'HIT' && /s-maxage=\d+/.test(first.cacheControl)
    return [
      result({
        name: `${label}: cached throughput`,
        figure: cached.perSecond,
        unit: 'req/s',
        reference: blogCached.perSecond,
        referenceLabel: '/blog cached, 10 clients',
        target: 'served from the cache (HIT, s-maxage)',
        pass: fromCache && cached.failures === 0,
        notes: `second request: x-nextjs-cache ${first.cache}, "${first.cacheControl}"; p95 ${cached.p95} ms; ${statusNote(cached)}`,
      }),
      result({
        name: `${label}: first render`,
        figure: first.ms,
        unit: 'ms',
        reference: blogFirst.ms,
        referenceLabel: '/blog first render after start',
        target: 'report only',
        pass: null,
        notes: `${first.bytes} B`,
      }),
    ]
  })
  const child = m.first.sitemapChild!
  return [
    ...search,
    result({
      name: 'Search: first query (builds the index)',
      figure: m.search.firstMs,
      unit: 'ms',
      reference: health1.p50,
      referenceLabel: '/api/health p50',
      target: 'report only',
      pass: null,
      notes: `status ${m.search.firstStatus}`,
    }),
    result({
      name: `Server memory after ${m.memory.searches} searches`,
      figure: m.memory.afterSearchesMb,
      unit: 'MB RSS',
      reference: m.memory.idleMb,
      referenceLabel: 'idle server (listings rendered, no search yet)',
      target: `≤ ${MEMORY_FACTOR} × idle`,
      pass: m.memory.afterSearchesMb <= MEMORY_FACTOR * m.memory.idleMb,
      notes: `${m.memory.finalMb} MB after the 10-client runs too`,
    }),
    result({
      name: 'Admin save of an image (alt text)',
      figure: m.saves.mediaMs,
      unit: 'ms',
      reference: m.saves.categoryMs,
      referenceLabel: 'admin save of an unused category',
      target: `≤ ${MEDIA_SAVE_FACTOR} × the category save`,
      pass: m.saves.mediaMs <= MEDIA_SAVE_FACTOR * m.saves.categoryMs,
      notes: `median of ${m.saves.rounds} REST saves each; both find what shows them and expire it (${at})`,
    }),
    ...listings,
    result({
      name: 'Child sitemap 0: first render',
      figure: child.ms,
      unit: 'ms',
      reference: blogFirst.ms,
      referenceLabel: '/blog first render after start',
      target: 'report only',
      pass: null,
      notes: `${child.bytes} B; then x-nextjs-cache ${child.cache}`,
    }),
    result({
      name: `next build at ${m.n} articles`,
      figure: round(m.build.large / 1000, 1),
      unit: 's',
      reference: round(m.build.small / 1000, 1),
      referenceLabel: 'next build at 10 articles',
      target: `≤ ${BUILD_FACTOR} × at 10`,
      pass: m.build.large <= BUILD_FACTOR * m.build.small,
      notes: `one timed build each, after an untimed warm-up build; the ${m.n}-article one first`,
    }),
  ]
}

/** The results as an aligned table: figure, reference, ratio, target, verdict. */
export function printArchiveTable(results: BenchResult[], log: (line: string) => void) {
  const rows = [
    ['Measurement', 'Figure', 'Reference', 'Ratio', 'Target', 'Verdict'],
    ...results.map((r) => [
      r.name,
      `${r.figure} ${r.unit}`,
      `${r.reference} (${r.referenceLabel})`,
      String(r.ratio),
      r.target,
      r.pass === null ? 'report' : r.pass ? 'PASS' : 'FAIL',
    ]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')
  log('')
  log(line(rows[0]!))
  log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const row of rows.slice(1)) log(line(row))
  for (const r of results) if (r.notes) log(`  ${r.name}: ${r.notes}`)
}
