/**
 * `manifest.json`, the table of contents of a backup: what the archive holds, with sizes and
 * sha256 checksums, and which database engine it was made from. Archives written before MongoDB
 * support carry no `engine`: they are SQLite backups.
 */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { z } from 'zod'

import type { DatabaseKind } from '@/lib/env'

import { BackupError, errorMessage } from './errors'
import { listFiles, sha256File } from './files'

export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_FILE = 'database.sqlite'
export const MONGODB_FOLDER = 'mongodb'
export const MEDIA_FOLDER = 'media'

export type Engine = DatabaseKind

export const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', mongodb: 'MongoDB' }

/**
 * The archive file of a MongoDB collection. Collection names may hold characters that mean
 * something in a path (`/`), so the name is percent-encoded.
 */
export function collectionFile(name: string): string {
  return `${MONGODB_FOLDER}/${encodeURIComponent(name)}.ejson`
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex')
const fileEntry = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256,
})

const common = {
  format: z.literal('clinica-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** package.json `name` of the app that wrote it; older archives carry none. */
  app: z.string().optional(),
  /** Names of the schema migrations applied to the database copy; older archives carry none. */
  migrations: z.array(z.string()).optional(),
  media: z.object({ folder: z.literal(MEDIA_FOLDER), files: z.array(fileEntry) }),
}

export const sqliteManifestSchema = z.object({
  ...common,
  engine: z.literal('sqlite'),
  source: z.object({ databasePath: z.string(), mediaDir: z.string() }),
  database: z.object({ file: z.literal(DATABASE_FILE), size: z.number().int(), sha256 }),
})

/** What an application can write to: no `$`, no NUL, not one of the server's `system.` ones. */
const collectionName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[$\0]/.test(name) && !name.startsWith('system.'), {
    message: 'not the name of an application collection',
  })

const collectionEntry = z
  .object({
    name: collectionName,
    file: z.string(),
    documents: z.number().int().nonnegative(),
    size: z.number().int().nonnegative(),
    sha256,
  })
  .refine((entry) => entry.file === collectionFile(entry.name), {
    message: 'does not match the collection name',
    path: ['file'],
  })

export const mongoManifestSchema = z.object({
  ...common,
  engine: z.literal('mongodb'),
  // Never the URI itself: it may hold a password.
  source: z.object({ database: z.string(), hosts: z.string(), mediaDir: z.string() }),
  database: z.object({
    folder: z.literal(MONGODB_FOLDER),
    /** `snapshot`: every collection read at one point in time; `per-document`: a standalone server. */
    consistency: z.enum(['snapshot', 'per-document']),
    collections: z
      .array(collectionEntry)
      .refine((entries) => new Set(entries.map((entry) => entry.name)).size === entries.length, {
        message: 'a collection is listed twice',
      }),
  }),
})

export const manifestSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !('engine' in value)
      ? { ...value, engine: 'sqlite' }
      : value,
  z.discriminatedUnion('engine', [sqliteManifestSchema, mongoManifestSchema]),
)

export type BackupManifest = z.infer<typeof manifestSchema>
export type SqliteManifest = z.infer<typeof sqliteManifestSchema>
export type MongoManifest = z.infer<typeof mongoManifestSchema>
export type MediaFile = z.infer<typeof fileEntry>
export type CollectionEntry = MongoManifest['database']['collections'][number]
export type Consistency = MongoManifest['database']['consistency']

/** The engine-specific part of a manifest, written by each engine's backup. */
export type SqlitePart = Pick<SqliteManifest, 'engine' | 'source' | 'database'>
export type MongoPart = Pick<MongoManifest, 'engine' | 'source' | 'database'>
export type DatabasePart = SqlitePart | MongoPart

export function engineMismatchMessage(archive: Engine, target: Engine): string {
  return (
    `this archive is a backup of a ${ENGINE_NAMES[archive]} database, but DATABASE_URI points to ` +
    `${ENGINE_NAMES[target]}: a backup can only be restored onto the engine it was made from`
  )
}

/** Size and sha256 of every regular file under `dir`, as manifest entries. */
export async function describeFiles(dir: string): Promise<MediaFile[]> {
  const entries: MediaFile[] = []
  for (const file of await listFiles(dir)) {
    const absolute = path.join(dir, file)
    entries.push({
      path: file,
      size: (await stat(absolute)).size,
      sha256: await sha256File(absolute),
    })
  }
  return entries
}

/**
 * Problems of the folder `dir` against the manifest's entries for it: missing files, sizes or
 * checksums that differ, files the manifest does not list. `label` prefixes the messages.
 */
export async function checkListedFiles(
  dir: string,
  label: string,
  entries: MediaFile[],
): Promise<string[]> {
  const problems: string[] = []
  const present = new Set(await listFiles(dir))
  for (const entry of entries) {
    const file = path.join(dir, entry.path)
    if (!present.delete(entry.path)) {
      problems.push(`${label}/${entry.path} is missing`)
    } else if ((await stat(file)).size !== entry.size) {
      problems.push(`${label}/${entry.path}: size does not match the manifest`)
    } else if ((await sha256File(file)) !== entry.sha256) {
      problems.push(`${label}/${entry.path}: sha256 does not match the manifest`)
    }
  }
  for (const extra of present) problems.push(`${label}/${extra} is not listed in the manifest`)
  return problems
}

/** Reads and validates the manifest of an unpacked backup folder. */
export async function readManifest(root: string): Promise<BackupManifest> {
  const manifestPath = path.join(root, MANIFEST_FILE)
  if (!existsSync(manifestPath)) throw new BackupError(`the archive has no ${MANIFEST_FILE}`)
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(manifestPath, 'utf8'))
  } catch (error) {
    throw new BackupError(`${MANIFEST_FILE} is not valid JSON: ${errorMessage(error)}`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new BackupError(
      `${MANIFEST_FILE} is not a Clinica backup manifest (${issues.join('; ')})`,
    )
  }
  return parsed.data
}
