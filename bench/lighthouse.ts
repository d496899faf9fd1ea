import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { bareApp } from './bare-app'
import {
  ARTICLE_PATH,
  ensureResultsDir,
  median,
  nextStart,
  ratio,
  round,
  standalone,
  timeToFirst200,
  type BenchContext,
  type BenchResult,
} from './lib'

const RUNS = 3
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

type Summary = Record<(typeof CATEGORIES)[number] | 'lcp' | 'cls' | 'tbt', number> & {
  failing: string[]
}

/** RUNS Lighthouse runs (default mobile config) of one URL; the median of every figure. */
async function audit(port: number, url: string, label: string, dir: string): Promise<Summary> {
  const runs: Summary[] = []
  for (let i = 1; i <= RUNS; i++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    })
    if (!result) throw new Error(`lighthouse gave no result for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError)
      throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    await writeFile(path.join(dir, `lighthouse-${label}-${i}.json`), JSON.stringify(lhr, null, 1))
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const failing = Object.values(lhr.categories)
      .filter((category) => category.id !== 'performance')
      .flatMap((category) =>
        category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => `${category.id}:${ref.id}`),
      )
      .filter((key) => (lhr.audits[key.split(':')[1]!]?.score ?? 1) < 1)
    runs.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      lcp: numeric('largest-contentful-paint'),
      cls: numeric('cumulative-layout-shift'),
      tbt: numeric('total-blocking-time'),
      failing,
    })
  }
  const med = (key: Exclude<keyof Summary, 'failing'>) => median(runs.map((run) => run[key]))
  return {
    performance: med('performance'),
    accessibility: med('accessibility'),
    'best-practices': med('best-practices'),
    seo: med('seo'),
    lcp: med('lcp'),
    cls: med('cls'),
    tbt: med('tbt'),
    failing: [...new Set(runs.flatMap((run) => run.failing))],
  }
}

function rows(page: string, s: Summary, ref: Summary): BenchResult[] {
  const refLabel = 'bare Next app page, same run'
  const scoreRow = (category: (typeof CATEGORIES)[number], min: number): BenchResult => {
    const failing = s.failing
      .filter((key) => key.startsWith(`${category}:`))
      .map((key) => key.split(':')[1])
    return {
      name: `Lighthouse ${page} ${category}`,
      figure: s[category],
      unit: 'score',
      reference: ref[category],
      referenceLabel: refLabel,
      ratio: ratio(s[category], ref[category]),
      target: min === 100 ? '100' : `≥ ${min}`,
      pass: s[category] >= min,
      notes: `median of ${RUNS}${failing.length ? `; audits below 1 in some run: ${failing.join(', ')}` : ''}`,
    }
  }
  const metric = (
    name: string,
    key: 'lcp' | 'cls' | 'tbt',
    unit: string,
    digits: number,
  ): BenchResult => ({
    name: `Lighthouse ${page} ${name}`,
    figure: round(s[key], digits),
    unit,
    reference: round(ref[key], digits),
    referenceLabel: refLabel,
    ratio: ratio(s[key], ref[key]),
    target: 'report only',
    pass: null,
    notes: `median of ${RUNS}, simulated mobile throttling`,
  })
  return [
    scoreRow('performance', 98),
    scoreRow('accessibility', 100),
    scoreRow('best-practices', 100),
    scoreRow('seo', 100),
    metric('LCP', 'lcp', 'ms', 0),
    metric('CLS', 'cls', '', 3),
    metric('TBT', 'tbt', 'ms', 0),
  ]
}

/** Lighthouse 12 (mobile defaults) on home and article; reference: the bare Next app's page. */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const dir = await ensureResultsDir()
  const bare = await bareApp()
  const bareServer = await nextStart(bare.dir, bare.env)
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: FLAGS,
    logLevel: 'silent',
  })
  try {
    await timeToFirst200(`${bareServer.baseUrl}/`, bareServer, bareServer.since)
    const reference = await audit(chrome.port, `${bareServer.baseUrl}/`, 'bare', dir)
    const home = await audit(chrome.port, `${ctx.app.baseUrl}/`, 'home', dir)
    const article = await audit(chrome.port, `${ctx.app.baseUrl}${ARTICLE_PATH}`, 'article', dir)
    ctx.log(`  reports: ${path.join(dir, 'lighthouse-{bare,home,article}-{1..3}.json')}`)
    return [...rows('home', home, reference), ...rows('article', article, reference)]
  } finally {
    chrome.kill()
    await bareServer.stop()
  }
}

await standalone(import.meta.url, run)
