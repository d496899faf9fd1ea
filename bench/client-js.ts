import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { launchChromium } from '../tests/e2e/helpers/browser'
import { bareApp } from './bare-app'
import {
  ARTICLE_PATH,
  ensureResultsDir,
  nextStart,
  ratio,
  round,
  standalone,
  timeToFirst200,
  type BenchContext,
  type BenchResult,
} from './lib'

type Measured = {
  files: number
  rawBytes: number
  gzipBytes: number
  urls: string[]
  inHtmlGzip: number
}

/** Loads `url` in Chromium and sums every script response, each gzipped at level 9. */
async function measureScripts(url: string, saveTo?: string): Promise<Measured> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    const bodies = new Map<string, Promise<Buffer | null>>()
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script' || bodies.has(response.url())) return
      bodies.set(
        response.url(),
        response.body().catch(() => null),
      )
    })
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`)
    await page.waitForTimeout(500)
    // Scripts the HTML itself names; the others come later (e.g. <Link> prefetch of other routes).
    const html = (await response.text()) ?? ''
    let inHtmlGzip = 0
    let rawBytes = 0
    let gzipBytes = 0
    const urls: string[] = []
    for (const [scriptUrl, pending] of bodies) {
      const body = await pending
      if (!body) throw new Error(`no body for ${scriptUrl}`)
      rawBytes += body.length
      const gzipped = gzipSync(body, { level: 9 }).length
      gzipBytes += gzipped
      if (html.includes(new URL(scriptUrl).pathname)) inHtmlGzip += gzipped
      urls.push(`${new URL(scriptUrl).pathname} ${body.length} B`)
      if (saveTo)
        await writeFile(
          path.join(saveTo, `${path.basename(new URL(scriptUrl).pathname)}.txt`),
          body,
        )
    }
    return { files: bodies.size, rawBytes, gzipBytes, urls, inHtmlGzip }
  } finally {
    await browser.close()
  }
}

/**
 * Client JavaScript of the article page against a bare Next app with one static page, built in
 * the same run with the same Next/React versions: what the framework alone ships.
 */
export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  // The article's scripts are kept under bench/results/scripts-article/ for inspection.
  const saveTo = path.join(await ensureResultsDir(), 'scripts-article')
  await mkdir(saveTo, { recursive: true })
  const article = await measureScripts(`${ctx.app.baseUrl}${ARTICLE_PATH}`, saveTo)
  const bare = await bareApp()
  ctx.log(`  bare Next app built in ${round(bare.buildMs / 1000, 1)} s (${bare.dir})`)
  const server = await nextStart(bare.dir, bare.env)
  let reference: Measured
  try {
    await timeToFirst200(`${server.baseUrl}/`, server, server.since)
    reference = await measureScripts(`${server.baseUrl}/`)
  } finally {
    await server.stop()
  }
  ctx.log(`  article scripts (${article.files}): ${article.urls.join(', ')}`)
  ctx.log(`  bare scripts (${reference.files}): ${reference.urls.join(', ')}`)
  const target = 1.1
  return [
    {
      name: 'Article client JS (gzip -9)',
      figure: article.gzipBytes,
      unit: 'B',
      reference: reference.gzipBytes,
      referenceLabel: 'bare Next 16 app, one static page',
      ratio: ratio(article.gzipBytes, reference.gzipBytes),
      target: `≤ ${target} × bare`,
      pass: article.gzipBytes <= target * reference.gzipBytes,
      notes: `${article.files} vs ${reference.files} script files; ${article.rawBytes} vs ${reference.rawBytes} B uncompressed; named in the HTML: ${article.inHtmlGzip} vs ${reference.inHtmlGzip} B gzip (the rest is loaded later, e.g. <Link> prefetch of other routes); inline scripts (RSC payload) are part of the HTML and not counted`,
    },
  ]
}

await standalone(import.meta.url, run)
