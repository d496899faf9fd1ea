import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import {
  lexicalHeadings,
  lexicalToPlainText,
  parsePlainTextArticle,
  type LexicalStateLike,
} from '@/lib/text-import'
import { formatImportSummary, importFiles } from '@/scripts/import/run-import'

import { QUIET } from './helpers/fixtures'
import { setupTestPayload } from './helpers/payload'

const ctx = setupTestPayload()

const PLAIN = path.join(
  process.cwd(),
  'seed',
  'content',
  'intervento-mini-invasivo-alluce-valgo.txt',
)
const PLAIN_SLUG = 'cos-e-l-intervento-mini-invasivo-alluce-valgo'
const MARKDOWN = path.join(process.cwd(), 'tests', 'fixtures', 'import', 'plantare-su-misura.md')
const NO_TITLE = path.join(process.cwd(), 'tests', 'fixtures', 'import', 'senza-titolo.md')

const tmp = (name: string) => path.join(ctx.dir, name)

async function postBySlug(slug: string, draft = true) {
  const { docs } = await ctx.payload.find({
    collection: 'posts',
    where: { slug: { equals: slug } },
    draft,
    depth: 0,
    limit: 1,
  })
  return docs[0]
}

/** Posts plus their versions: a failed import must leave both untouched. */
async function footprint() {
  const posts = await ctx.payload.count({ collection: 'posts' })
  const versions = await ctx.payload.findVersions({ collection: 'posts', limit: 1 })
  return { posts: posts.totalDocs, versions: versions.totalDocs }
}

describe('importFiles', () => {
  it('imports the plain-text article as a draft with its slug and headings', async () => {
    const { results } = await importFiles(ctx.payload, [PLAIN], {})
    expect(results).toEqual([{ file: PLAIN, status: 'created', slug: PLAIN_SLUG }])

    const post = await postBySlug(PLAIN_SLUG)
    expect(post?._status).toBe('draft')
    expect(post?.title).toBe('Cos’è l’intervento mini invasivo alluce valgo')
    const headings = lexicalHeadings(post?.content as unknown as LexicalStateLike)
    const { blocks } = parsePlainTextArticle(await readFile(PLAIN, 'utf8'))
    const expected = blocks.flatMap((block) =>
      block.type === 'heading' ? [{ level: block.level, text: block.text }] : [],
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(headings).toEqual(expected)
    // A draft is invisible to visitors.
    const publicView = await ctx.payload.find({
      collection: 'posts',
      where: { slug: { equals: PLAIN_SLUG } },
      overrideAccess: false,
    })
    expect(publicView.totalDocs).toBe(0)
  })

  it('imports a Markdown article with lists and links (unsafe links and HTML as text)', async () => {
    const { results } = await importFiles(ctx.payload, [MARKDOWN], {})
    expect(results).toEqual([
      { file: MARKDOWN, status: 'created', slug: 'plantare-su-misura-quando-serve' },
    ])
    const post = await postBySlug('plantare-su-misura-quando-serve')
    expect(post?._status).toBe('draft')
    const json = JSON.stringify(post?.content)
    const nodes = (post?.content.root.children ?? []) as unknown as {
      type: string
      listType?: string
      children?: unknown[]
    }[]
    expect(nodes.filter((node) => node.type === 'list').map((node) => node.listType)).toEqual([
      'bullet',
      'number',
    ])
    expect(nodes.find((node) => node.listType === 'bullet')?.children).toHaveLength(3)
    expect(json).toContain('"url":"/blog/intervento-mini-invasivo-alluce-valgo"')
    expect(json).toContain('"url":"mailto:info@example.com"')
    expect(json).not.toContain('javascript:')
    const plain = lexicalToPlainText(post?.content as unknown as LexicalStateLike)
    expect(plain).toContain('Un link sospetto resta testo, e anche <b>questo HTML</b>.')
    expect(lexicalHeadings(post?.content as unknown as LexicalStateLike)).toEqual([
      { level: 2, text: 'Quando è indicato' },
      { level: 2, text: 'Come si realizza' },
    ])
  })

  it('publishes with --publish', async () => {
    const file = tmp('pubblicato.md')
    await writeFile(file, '# Articolo pubblicato subito\n\nTesto *pubblico*.\n')
    const { results } = await importFiles(ctx.payload, [file], { publish: true })
    expect(results[0]?.status).toBe('created')
    const visible = await ctx.payload.find({
      collection: 'posts',
      where: { slug: { equals: 'articolo-pubblicato-subito' } },
      overrideAccess: false,
    })
    expect(visible.docs[0]?._status).toBe('published')
    expect(visible.docs[0]?.publishedAt).toBeTruthy()
  })

  it('refuses an existing slug without --update and changes nothing; replaces with --update', async () => {
    const original = await postBySlug(PLAIN_SLUG)
    if (!original) throw new Error('the plain-text article should exist')
    await ctx.payload.update({
      collection: 'posts',
      id: original.id,
      data: { excerpt: 'Sommario scritto in redazione.' },
      draft: true,
      ...QUIET,
    })
    const before = await postBySlug(PLAIN_SLUG)
    const footprintBefore = await footprint()

    // Same slug once normalised, different title and text.
    const file = tmp('aggiornato.md')
    await writeFile(
      file,
      '# COS’È L’INTERVENTO MINI-INVASIVO ALLUCE VALGO?\n\nTesto **riscritto**.\n\n- punto\n',
    )
    const refused = await importFiles(ctx.payload, [file], {})
    expect(refused.results).toEqual([
      {
        file,
        status: 'failed',
        slug: PLAIN_SLUG,
        reason: `a post with slug «${PLAIN_SLUG}» already exists (use --update to replace it)`,
      },
    ])
    const unchanged = await postBySlug(PLAIN_SLUG)
    expect(unchanged?.updatedAt).toBe(before?.updatedAt)
    expect(unchanged?.title).toBe(before?.title)
    expect(await footprint()).toEqual(footprintBefore)

    const replaced = await importFiles(ctx.payload, [file], { update: true })
    expect(replaced.results).toEqual([{ file, status: 'updated', slug: PLAIN_SLUG }])
    const after = await postBySlug(PLAIN_SLUG)
    expect(after?.id).toBe(original.id)
    expect(after?.title).toBe('COS’È L’INTERVENTO MINI-INVASIVO ALLUCE VALGO?')
    expect(after?._status).toBe('draft')
    expect(after?.excerpt).toBe('Sommario scritto in redazione.')
    expect(lexicalToPlainText(after?.content as unknown as LexicalStateLike)).toBe(
      'Testo riscritto.\n\npunto',
    )

    const published = await importFiles(ctx.payload, [file], { update: true, publish: true })
    expect(published.results[0]?.status).toBe('updated')
    expect((await postBySlug(PLAIN_SLUG, false))?._status).toBe('published')
  })

  it('fails each bad input with a clear reason and writes nothing', async () => {
    const empty = tmp('vuoto.txt')
    await writeFile(empty, ' \n\n')
    const binary = tmp('binario.md')
    await writeFile(binary, Buffer.from([0x23, 0x20, 0x54, 0x0a, 0x00, 0x01, 0xff, 0x41]))
    const latin1 = tmp('latin1.txt')
    await writeFile(latin1, Buffer.from('Perch\xe9\n\nTesto.', 'latin1'))
    const docx = tmp('articolo.docx')
    await writeFile(docx, 'PK fake word file')
    const missing = tmp('non-esiste.md')

    const before = await footprint()
    const { results } = await importFiles(ctx.payload, [
      empty,
      binary,
      latin1,
      NO_TITLE,
      docx,
      missing,
    ])
    expect(results.map(({ status }) => status)).toEqual(Array(6).fill('failed'))
    const reasons = results.map(({ reason }) => reason)
    expect(reasons[0]).toMatch(/empty/)
    expect(reasons[1]).toMatch(/binary \(it contains NUL bytes\)/)
    expect(reasons[2]).toMatch(/not valid UTF-8/)
    expect(reasons[3]).toMatch(/no title: start it with a line like "# Titolo/)
    expect(reasons[4]).toBe(
      'unsupported file type (extension «.docx»): accepted extensions are .txt, .md, .markdown',
    )
    expect(reasons[5]).toBe(`cannot read ${missing}: no such file or directory`)
    expect(await footprint()).toEqual(before)
  })

  it('handles several files independently and summarises them', async () => {
    const good = tmp('buono.md')
    await writeFile(good, '# Scarpe dopo l’intervento\n\nPer 30/40 giorni.\n')
    const bad = tmp('cattivo.txt')
    await writeFile(bad, '')
    const { results } = await importFiles(ctx.payload, [good, bad])
    expect(results).toEqual([
      { file: good, status: 'created', slug: 'scarpe-dopo-l-intervento' },
      { file: bad, status: 'failed', reason: expect.stringMatching(/empty/) },
    ])
    const summary = formatImportSummary(results)
    expect(summary).toMatch(/buono\.md\s+created\s+scarpe-dopo-l-intervento/)
    expect(summary).toMatch(/cattivo\.txt\s+failed\s+The file is empty/)
    expect(summary.split('\n').at(-1)).toBe('1 created, 0 updated, 1 failed')
  })
})

describe('npm run import (real CLI)', () => {
  it('exits 1 and names the unreadable file', () => {
    const missing = path.join(ctx.dir, 'manca.md')
    const result = spawnSync(
      'npx',
      ['tsx', '--conditions=production', 'scripts/import/import.ts', missing],
      {
        env: { ...process.env, NODE_OPTIONS: '', INIT_CWD: process.cwd() },
        encoding: 'utf8',
        timeout: 90_000,
      },
    )
    expect(result.status).toBe(1)
    expect(`${result.stdout}${result.stderr}`).toContain(
      `cannot read ${missing}: no such file or directory`,
    )
    expect(result.stderr).toMatch(/0 created, 0 updated, 1 failed/)
  }, 90_000)
})
