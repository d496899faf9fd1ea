import { expect, test } from '@playwright/test'

import { E2E_ADMIN, e2eBaseUrl } from './helpers/app'
import { createPublishedPost } from './helpers/posts'
import { adminHeaders } from './helpers/rest'
import { sitemapFiles } from './helpers/sitemap'

import { articleBlocksToLexical } from '@/lib/text-import'

const baseUrl = e2eBaseUrl()
const ARTICLE = '/blog/intervento-mini-invasivo-alluce-valgo'

const cspOf = (response: Response) => response.headers.get('content-security-policy') ?? ''

async function upload(name: string, type: string, bytes: Uint8Array<ArrayBuffer> | string) {
  const Authorization = (await adminHeaders(baseUrl)).Authorization ?? ''
  const form = new FormData()
  form.append('file', new Blob([bytes], { type }), name)
  form.append('_payload', JSON.stringify({ alt: 'Prova di caricamento' }))
  return fetch(`${baseUrl}/api/media`, { method: 'POST', headers: { Authorization }, body: form })
}

test.describe('security headers', () => {
  test('are on public pages, the API, media files and the admin', async () => {
    const media = (await (await fetch(`${baseUrl}/api/media?limit=1`)).json()) as {
      docs: { url: string }[]
    }
    const urls = [
      ARTICLE,
      '/',
      '/api/posts?limit=1',
      new URL(media.docs[0]!.url).pathname,
      '/admin/login',
      '/pagina-inesistente',
    ]
    for (const url of urls) {
      const response = await fetch(`${baseUrl}${url}`)
      const csp = cspOf(response)
      expect([url, csp]).toEqual([url, expect.stringContaining("object-src 'none'")])
      expect(csp).toContain("base-uri 'self'")
      expect(csp).toContain("frame-ancestors 'self'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('permissions-policy')).toContain('camera=()')
      expect(response.headers.get('strict-transport-security')).toContain('max-age=')
      expect(response.headers.get('x-powered-by')).toBeNull()
    }
  })

  test('forbid eval on public pages only', async () => {
    expect(cspOf(await fetch(`${baseUrl}${ARTICLE}`))).not.toContain('unsafe-eval')
    expect(cspOf(await fetch(`${baseUrl}/admin/login`))).toContain('unsafe-eval')
  })
})

test.describe('authentication', () => {
  test('answers the same for a wrong password and an unknown e-mail, and sets safe cookies', async () => {
    const attempt = (email: string, password: string) =>
      fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.1' },
        body: JSON.stringify({ email, password }),
      })
    const unknown = await attempt('nessuno@example.com', 'password-sbagliata')
    const wrong = await attempt('editor-inesistente@example.com', 'password-sbagliata')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())

    const ok = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.2' },
      body: JSON.stringify(E2E_ADMIN),
    })
    expect(ok.status).toBe(200)
    const cookie = ok.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    // NODE_ENV=production here: the session cookie only travels over HTTPS (and localhost).
    expect(cookie).toMatch(/Secure/)
  })

  test('rate-limits login per IP with 429 and Retry-After', async () => {
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 32; i++) {
      last = await fetch(`${baseUrl}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.99' },
        body: JSON.stringify({ email: `x${i}@example.com`, password: 'sbagliata' }),
      })
      statuses.push(last.status)
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401))
    expect(statuses.slice(30)).toEqual([429, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  test('answers forgot-password the same for known and unknown addresses', async () => {
    const ask = (email: string) =>
      fetch(`${baseUrl}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.3' },
        body: JSON.stringify({ email }),
      })
    const known = await ask(E2E_ADMIN.email)
    const unknown = await ask('sconosciuto@example.com')
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual(await unknown.json())
  })
})

test.describe('GraphQL', () => {
  test('refuses deep queries and introspection in production', async () => {
    const query = (q: string) =>
      fetch(`${baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: q }),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>)
    const deep = await query(
      '{ Posts { docs { relatedPosts { relatedPosts { relatedPosts { relatedPosts { relatedPosts { relatedPosts { relatedPosts { title } } } } } } } } } }',
    )
    expect(deep.errors?.map((e) => e.message).join(' ')).toMatch(/troppo annidata|complex/i)
    const introspection = await query('{ __schema { types { name } } }')
    expect(introspection.errors?.length).toBeGreaterThan(0)
    expect((await fetch(`${baseUrl}/api/graphql-playground`)).status).toBe(404)
  })
})

test.describe('draft isolation', () => {
  test('only the published version ever reaches anonymous visitors', async () => {
    const secret = 'Revisione riservata non ancora approvata'
    const { headers, id, slug } = await createPublishedPost(baseUrl, 'Metatarsalgia nel runner')
    // A newer draft on top of the published version.
    const draft = await fetch(`${baseUrl}/api/posts/${id}?draft=true`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title: secret, excerpt: secret }),
    })
    expect(draft.status).toBe(200)
    const { id: draftOnlyId, slug: draftOnlySlug } = await (async () => {
      const created = await fetch(`${baseUrl}/api/posts?draft=true`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `${secret} bis`,
          _status: 'draft',
          content: articleBlocksToLexical([]),
        }),
      })
      return ((await created.json()) as { doc: { id: string; slug: string } }).doc
    })()

    const anonymous: [string, RequestInit?][] = [
      [`/blog/${slug}`],
      [`/blog/${slug}`, { headers: { RSC: '1' } }],
      [`/blog/${draftOnlySlug}`],
      [`/blog/${draftOnlySlug}`, { headers: { RSC: '1' } }],
      ['/'],
      ['/blog'],
      [`/api/posts?limit=100`],
      [`/api/posts/${id}`],
      [`/api/posts/${id}?draft=true`],
      [`/api/posts/${draftOnlyId}`],
      [`/api/posts?draft=true&limit=100`],
      ['/sitemap.xml'],
      // The index's child sitemaps, which list the pages.
      ...[...(await sitemapFiles(baseUrl)).children.keys()].map((url): [string] => [
        new URL(url).pathname,
      ]),
      ['/feed.xml'],
      [`/cerca?q=${encodeURIComponent('riservata')}`],
      [`/og/${draftOnlySlug}`],
    ]
    for (const [url, init] of anonymous) {
      const response = await fetch(`${baseUrl}${url}`, init)
      const body = await response.text()
      expect([url, body.includes(secret)]).toEqual([url, false])
    }
    // The draft preview refuses anonymous visitors (a URL alone is not enough)…
    for (const previewId of [id, draftOnlyId]) {
      const anonymousPreview = await fetch(`${baseUrl}/anteprima/articoli/${previewId}`)
      expect(anonymousPreview.status).toBe(404)
      expect(await anonymousPreview.text()).not.toContain(secret)
    }
    // …and shows the latest draft to a logged-in editor, privately and never indexed.
    const preview = await fetch(`${baseUrl}/anteprima/articoli/${id}`, { headers })
    expect(preview.status).toBe(200)
    expect(await preview.text()).toContain(`<h1>${secret}</h1>`)
    expect(preview.headers.get('cache-control')).toMatch(/private/)
    expect(preview.headers.get('cache-control')).toMatch(/no-store/)
    expect(preview.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    // Previewing did not cache the draft into the public page.
    expect(await (await fetch(`${baseUrl}/blog/${slug}`)).text()).not.toContain(secret)

    const graphql = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: '{ Posts(draft: true, limit: 100) { docs { title excerpt } } }',
      }),
    })
    expect(await graphql.text()).not.toContain(secret)
    // The published version is still what readers get.
    expect(await (await fetch(`${baseUrl}/blog/${slug}`)).text()).toContain(
      '<h1>Metatarsalgia nel runner</h1>',
    )
  })
})

test.describe('hostile content', () => {
  test('renders inert: no script runs from a title, an excerpt or the JSON-LD', async ({
    page,
  }) => {
    const title = 'Alluce </script><script>window.__pwned = 1</script> "valgo"'
    const { headers, id, slug } = await createPublishedPost(baseUrl, 'Contenuto ostile')
    const saved = await fetch(`${baseUrl}/api/posts/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        title,
        excerpt: '<img src=x onerror="window.__pwned = 2"> e <script>window.__pwned = 3</script>',
        _status: 'published',
      }),
    })
    expect(saved.status).toBe(200)

    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(`${baseUrl}/blog/${slug}`, { waitUntil: 'networkidle' })
    // The hostile title is shown as text…
    await expect(page.locator('h1')).toHaveText(title)
    // …and, the page rendered and idle, nothing in it, the excerpt or the JSON-LD has run.
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined()
    expect(dialogs).toEqual([])
    const jsonLd = page.locator('script[type="application/ld+json"]')
    await expect(jsonLd).toHaveCount(1)
    const graph = await jsonLd.textContent()
    expect(graph).not.toContain('</script')
    const posting = (JSON.parse(graph!) as { '@graph': { '@type': string; headline?: string }[] })[
      '@graph'
    ].find((node) => node['@type'] === 'BlogPosting')
    expect(posting?.headline).toBe(title)
  })
})

// Last in this file: the server cuts the oversized upload off mid-body, which can leave a
// broken keep-alive socket in this worker's fetch pool.
test.describe('uploads', () => {
  test('refuse an HTML file renamed .png, an SVG and a file over the size limit', async () => {
    const html = await upload('innocuo.png', 'image/png', '<html><script>alert(1)</script></html>')
    expect(html.status).toBe(400)
    const svg = await upload(
      'logo.png',
      'image/png',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    )
    expect(svg.status).toBe(400)
    const big = await upload('grande.pdf', 'application/pdf', new Uint8Array(11 * 1024 * 1024))
    expect(big.status).toBe(413)
  })
})
