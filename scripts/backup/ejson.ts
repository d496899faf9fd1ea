/**
 * MongoDB documents as JSON lines of canonical Extended JSON (one document a line): every BSON
 * type survives exactly (ObjectId, Date, Int32/Int64/Double, Decimal128, Binary and UUID,
 * regular expressions…), and the files stay readable and diffable. No server is needed here.
 *
 * `BSON` comes from the driver package (its re-export of `bson`), so documents read here are
 * the very classes the driver writes back. As in every JavaScript tool, an embedded object's
 * integer-like keys (`"2"`) come first when read back; Payload's documents have none.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { BSON, type Document } from 'mongodb'

import { BackupError, errorMessage } from './errors'

const CANONICAL = { relaxed: false } as const

/** One document as one line (JSON escapes every line break inside strings). */
export function toEjsonLine(document: Document): string {
  return BSON.EJSON.stringify(document, CANONICAL)
}

/** Parses one line back into a document with its BSON types; throws unless it is one. */
export function fromEjsonLine(line: string): Document {
  const value: unknown = BSON.EJSON.parse(line, CANONICAL)
  // A top-level `{"$oid": …}` or `{"$date": …}` parses to an ObjectId or a Date: not a document.
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    throw new Error('not a document')
  }
  if (!('_id' in value)) throw new Error('the document has no _id')
  return value as Document
}

/** Writes `documents` to the new file `file`, one line each; returns how many it wrote. */
export async function writeEjsonFile(
  file: string,
  documents: AsyncIterable<Document> | Iterable<Document>,
): Promise<number> {
  let count = 0
  async function* lines() {
    for await (const document of documents) {
      count += 1
      yield `${toEjsonLine(document)}\n`
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(file, { flags: 'wx' }))
  return count
}

/**
 * The lines of a file, split on `\n` only: readline would also split on U+2028 and U+2029,
 * which JSON leaves unescaped inside strings.
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file, { encoding: 'utf8' })
  try {
    let pending: string[] = []
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0
      let end = chunk.indexOf('\n')
      while (end !== -1) {
        pending.push(chunk.slice(start, end))
        yield pending.join('')
        pending = []
        start = end + 1
        end = chunk.indexOf('\n', start)
      }
      if (start < chunk.length) pending.push(chunk.slice(start))
    }
    if (pending.length > 0) yield pending.join('')
  } finally {
    input.destroy()
  }
}

/**
 * The documents of an EJSON lines file, streamed. A line that is not a document (a truncated or
 * edited file) throws a BackupError naming `label` and the line number.
 */
export async function* readEjsonFile(file: string, label: string): AsyncGenerator<Document> {
  let number = 0
  for await (const line of fileLines(file)) {
    number += 1
    let document: Document
    try {
      document = fromEjsonLine(line)
    } catch (error) {
      throw new BackupError(`${label} line ${number}: ${errorMessage(error)}`)
    }
    yield document
  }
}

/** The documents of an EJSON lines file in arrays of at most `size`, for `insertMany`. */
export async function* readEjsonBatches(
  file: string,
  label: string,
  size: number,
): AsyncGenerator<Document[]> {
  let batch: Document[] = []
  for await (const document of readEjsonFile(file, label)) {
    batch.push(document)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * Reads a whole EJSON lines file as a restore would, without a server: every line must be a
 * document and no `_id` may repeat (the insert would fail halfway). Returns the document count.
 */
export async function countEjsonFile(file: string, label: string): Promise<number> {
  const ids = new Set<string>()
  let count = 0
  for await (const document of readEjsonFile(file, label)) {
    count += 1
    const id = toEjsonLine({ id: document._id as unknown })
    if (ids.has(id)) {
      throw new BackupError(`${label} line ${count}: the _id ${id.slice(6, -1)} is repeated`)
    }
    ids.add(id)
  }
  return count
}
