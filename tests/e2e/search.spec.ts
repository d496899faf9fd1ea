import { expect, test } from '@playwright/test'

import { DEFAULT_SEARCH_RATE_LIMIT } from '@/lib/env'

import { e2eBaseUrl } from './helpers/app'

/**
 * /cerca on the real server: the Italian pages for unusable input and for a `pagina` that does
 * not exist, and the per-address limit (429 + Retry-After). The shared server trusts one proxy
 * hop, so each test acts as a client address of its own (X-Forwarded-For), leaving every other
 * file's budget alone.
 */

test.use({ locale: 'it-IT' })

const asClient = (address: string) => ({ headers: { 'X-Forwarded-For': address } })

test.describe('/cerca with unusable input', () => {
  test('explains an empty query, one over 200 characters and one of punctuation only', async ({
    page,
  }) => {
    await page.setExtraHTTPHeaders(asClient('198.51.100.61').headers)
    const cases = [
      [
        '/cerca',
        'Scrivi una o più parole, per esempio “alluce valgo” o “intervento”, e premi Cerca.',
      ],
      [
        `/cerca?q=${'osteotomie '.repeat(19)}alluce`,
        'La ricerca è troppo lunga: usa al massimo 200 caratteri.',
      ],
      [
        `/cerca?q=${encodeURIComponent('?! … ’ «»')}`,
        'Nella ricerca non c’è nessuna parola da cercare: scrivi almeno una parola di due o più lettere.',
      ],
    ] as const
    for (const [path, message] of cases) {
      const response = await page.goto(`${e2eBaseUrl()}${path}`)
      expect([path, response?.status()]).toEqual([path, 200])
      await expect(page.locator('html')).toHaveAttribute('lang', 'it')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cerca nel blog')
      await expect(page.locator('main')).toContainText(message)
      await expect(page.getByRole('article')).toHaveCount(0)
    }
  })

  test('answers 404 with the search’s own page for a `pagina` past the end or not a number', async ({
    page,
  }) => {
    await page.setExtraHTTPHeaders(asClient('198.51.100.62').headers)
    for (const query of [
      'q=alluce&pagina=abc',
      'q=alluce&pagina=0',
      'q=alluce&pagina=9999',
      'pagina=-1',
    ]) {
      const response = await page.goto(`${e2eBaseUrl()}/cerca?${query}`)
      expect([query, response?.status()]).toEqual([query, 404])
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Questa pagina dei risultati non esiste',
      )
      await expect(page.getByRole('search', { name: 'Cerca nel blog' })).toBeVisible()
      // Past the end is only known once searched: the title still names the search.
      if (query.includes('9999')) continue
      await expect(page).toHaveTitle(/^Pagina dei risultati non trovata/)
    }
    // The first page of the same search exists.
    const first = await page.goto(`${e2eBaseUrl()}/cerca?q=alluce&pagina=1`)
    expect(first?.status()).toBe(200)
    await expect(page.getByRole('status')).toContainText('articoli trovati per “alluce”')
  })
})

test.describe('/cerca per-address limit', () => {
  test(`allows ${DEFAULT_SEARCH_RATE_LIMIT} searches a minute, then answers 429 with Retry-After and an Italian page`, async ({
    page,
  }) => {
    const client = asClient('198.51.100.63')
    // Unusable queries do no work and are not counted.
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${e2eBaseUrl()}/cerca?q=%3F%3F`, client)).status).toBe(200)
    }
    for (let i = 0; i < DEFAULT_SEARCH_RATE_LIMIT; i++) {
      const response = await fetch(`${e2eBaseUrl()}/cerca?q=zzznessuno${i}`, client)
      await response.arrayBuffer()
      expect([i, response.status]).toEqual([i, 200])
    }
    const refused = await fetch(`${e2eBaseUrl()}/cerca?q=alluce`, client)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(refused.headers.get('content-type')).toBe('text/html; charset=utf-8')

    // What the person sees.
    await page.setExtraHTTPHeaders(client.headers)
    const shown = await page.goto(`${e2eBaseUrl()}/cerca?q=alluce&pagina=2`)
    expect(shown?.status()).toBe(429)
    await expect(page.locator('html')).toHaveAttribute('lang', 'it')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Troppe ricerche')
    await expect(page.locator('main')).toContainText(
      /Hai fatto molte ricerche in poco tempo\. Riprova tra (un secondo|\d+ secondi)\./,
    )
    await expect(page.getByRole('link', { name: 'blog' })).toHaveAttribute('href', '/blog')

    // Another address is not affected.
    const other = await fetch(`${e2eBaseUrl()}/cerca?q=alluce`, asClient('198.51.100.64'))
    expect(other.status).toBe(200)
  })
})
