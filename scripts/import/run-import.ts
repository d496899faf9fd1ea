import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { z } from 'zod'

import { slugify } from '@/lib/slug'
import { TextImportError, articleBlocksToLexical, parsePlainTextArticle } from '@/lib/text-import'
import {
  parseMarkdownArticle,
  postContentEditorConfig,
  type MarkdownArticle,
} from '@/lib/text-import/markdown'

export const IMPORT_USAGE =
  'Usage: npm run import -- <file> [<file> …] [--publish] [--update]\n' +
  '  <file>     a .txt (plain-text format) or .md/.markdown article\n' +
  '  --publish  publish the imported articles (default: save them as drafts)\n' +
  '  --update   replace title and text of an existing article with the same slug'

export type ImportOptions = { publish?: boolean; update?: boolean }

export type ImportResult = {
  file: string
  status: 'created' | 'updated' | 'failed'
  slug?: string
  reason?: string
}

export type ImportReport = { results: ImportResult[] }

/** Bad command-line arguments (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const argsSchema = z.object({
  files: z.array(z.string().min(1)).min(1, 'give at least one file to import'),
  publish: z.boolean(),
  update: z.boolean(),
  help: z.boolean(),
})

export type ImportArgs = z.infer<typeof argsSchema>

export function parseImportArgs(argv: string[]): ImportArgs {
  let parsed: ReturnType<typeof parseCli>
  try {
    parsed = parseCli(argv)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const input = {
    files: positionals,
    publish: values.publish ?? false,
    update: values.update ?? false,
    help: values.help ?? false,
  }
  if (input.help) return { ...input, help: true }
  const result = argsSchema.safeParse(input)
  if (!result.success) {
    throw new UsageError(result.error.issues.map((issue) => issue.message).join('; '))
  }
  return result.data
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      publish: { type: 'boolean' },
      update: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

type Format = 'plain-text' | 'markdown'

const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'plain-text',
  '.md': 'markdown',
  '.markdown': 'markdown',
}

// The importer writes as the system and never triggers page revalidation (like the seed).
const system = { overrideAccess: true, context: { disableRevalidate: true } } as const

/** A per-file failure whose message is shown to the user as is. */
class ImportFileError extends Error {}

/**
 * Imports each file independently: one bad file is reported as failed and never stops the
 * others, and a failed file writes nothing. `files` are resolved against `cwd`.
 */
export async function importFiles(
  payload: Payload,
  files: string[],
  options: ImportOptions = {},
  cwd = process.cwd(),
): Promise<ImportReport> {
  const results: ImportResult[] = []
  // Markdown goes through the editor's own rules: the content field's editor config.
  const editorConfig = postContentEditorConfig(payload.config)
  for (const file of files) {
    let slug: string | undefined
    try {
      const article = await readArticle(path.resolve(cwd, file), file, editorConfig)
      slug = slugify(article.title)
      if (slug === '') {
        throw new ImportFileError(`the title «${article.title}» gives an empty slug`)
      }
      const status = await saveArticle(payload, article, slug, options)
      results.push({ file, status, slug })
    } catch (error) {
      results.push({ file, status: 'failed', ...(slug ? { slug } : {}), reason: reasonOf(error) })
    }
  }
  return { results }
}

/** An article ready to save: its title and the rich-text body. */
type Article = MarkdownArticle

async function readArticle(
  absolute: string,
  shown: string,
  editorConfig: SanitizedServerEditorConfig,
): Promise<Article> {
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    throw new ImportFileError(`cannot read ${shown}: ${fsReason(error)}`)
  }

  const extension = path.extname(absolute).toLowerCase()
  const format = FORMATS[extension]
  if (format === undefined) {
    const got = extension === '' ? 'no extension' : `extension «${extension}»`
    throw new ImportFileError(
      `unsupported file type (${got}): accepted extensions are ${Object.keys(FORMATS).join(', ')}`,
    )
  }

  if (bytes.includes(0)) {
    throw new ImportFileError('the file is binary (it contains NUL bytes), not a text article')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportFileError('the file is not valid UTF-8 text: save it as UTF-8 and try again')
  }
  if (format === 'markdown') return parseMarkdownArticle(text, editorConfig)
  const { title, blocks } = parsePlainTextArticle(text)
  return { title, content: articleBlocksToLexical(blocks) }
}

async function saveArticle(
  payload: Payload,
  article: Article,
  slug: string,
  { publish = false, update = false }: ImportOptions,
): Promise<'created' | 'updated'> {
  const data = {
    title: article.title,
    content: article.content,
    _status: publish ? ('published' as const) : ('draft' as const),
  }
  const { docs } = await payload.find({
    ...system,
    collection: 'posts',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
  })
  const existing = docs[0]
  if (existing) {
    if (!update) {
      throw new ImportFileError(
        `a post with slug «${slug}» already exists (use --update to replace it)`,
      )
    }
    await payload.update({ ...system, collection: 'posts', id: existing.id, data, draft: !publish })
    return 'updated'
  }
  await payload.create({ ...system, collection: 'posts', data: { ...data, slug }, draft: !publish })
  return 'created'
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent of the path is not a directory',
}

function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && FS_REASONS[code]) return FS_REASONS[code]
  return error instanceof Error ? error.message : String(error)
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportFileError || error instanceof TextImportError) return error.message
  // Payload's ValidationError lists the failing fields in data.errors.
  const details = (error as { data?: { errors?: unknown } } | null)?.data?.errors
  if (Array.isArray(details) && details.length > 0) {
    const messages = details.map((detail: { path?: unknown; message?: unknown }) =>
      [detail.path, detail.message].filter((part) => typeof part === 'string').join(': '),
    )
    return `the CMS refused the article: ${messages.join('; ')}`
  }
  return error instanceof Error ? error.message : String(error)
}

/** Plain-text table: one row per file, then the totals. */
export function formatImportSummary(results: ImportResult[]): string {
  const header = ['FILE', 'STATUS', 'SLUG / REASON']
  const rows = results.map((result) => [
    result.file,
    result.status,
    result.status === 'failed' ? (result.reason ?? '') : (result.slug ?? ''),
  ])
  const widths = [0, 1].map((column) =>
    Math.max(...[header, ...rows].map((row) => [...(row[column] ?? '')].length)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const width = widths[column]
        return width === undefined ? cell : cell + ' '.repeat(width - [...cell].length)
      })
      .join('  ')
      .trimEnd()
  const count = (status: ImportResult['status']) =>
    results.filter((result) => result.status === status).length
  return [
    line(header),
    ...rows.map(line),
    '',
    `${count('created')} created, ${count('updated')} updated, ${count('failed')} failed`,
  ].join('\n')
}
