/**
 * @jest-environment node
 */
// The node environment: under jsdom, `bson` would resolve to its browser build, not the one the
// driver (and so `npm run backup`) uses.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { BSON, type Document } from 'mongodb'

import {
  countEjsonFile,
  fromEjsonLine,
  readEjsonBatches,
  readEjsonFile,
  toEjsonLine,
  writeEjsonFile,
} from '@/scripts/backup/ejson'

const { Binary, Decimal128, Double, Int32, Long, ObjectId, UUID } = BSON

const postId = new ObjectId('65a1b2c3d4e5f60718293a4b')
const sample = (): Document => ({
  _id: postId,
  title: 'Alluce valgo:\nquando operare \u2028 e "perché"',
  publishedAt: new Date('2025-03-04T05:06:07.089Z'),
  categories: [new ObjectId('65a1b2c3d4e5f60718293a4c')],
  views: new Int32(42),
  rating: new Double(4),
  bytes: Long.fromString('9007199254740993'),
  price: Decimal128.fromString('12.50'),
  thumbnail: new Binary(Buffer.from([0, 1, 2, 255]), Binary.SUBTYPE_DEFAULT),
  token: new UUID('0f8fad5b-d9cb-469f-a165-70867728950e'),
  nested: { blocks: [{ type: 'paragraph', version: new Int32(1) }], empty: null },
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clinica-ejson-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('EJSON lines', () => {
  it('writes one document as one line of canonical Extended JSON', () => {
    const line = toEjsonLine(sample())
    expect(line).not.toMatch(/[\n\r]/)
    expect(JSON.parse(line)).toMatchObject({
      _id: { $oid: '65a1b2c3d4e5f60718293a4b' },
      publishedAt: { $date: { $numberLong: String(Date.parse('2025-03-04T05:06:07.089Z')) } },
      views: { $numberInt: '42' },
      rating: { $numberDouble: '4.0' },
      bytes: { $numberLong: '9007199254740993' },
      thumbnail: { $binary: { base64: 'AAEC/w==', subType: '00' } },
    })
  })

  it('reads back exactly the same BSON: ids, dates, numbers and binary data', () => {
    const original = sample()
    const back = fromEjsonLine(toEjsonLine(original))

    expect(back._id).toBeInstanceOf(ObjectId)
    expect((back._id as InstanceType<typeof ObjectId>).equals(postId)).toBe(true)
    expect(back.publishedAt).toBeInstanceOf(Date)
    expect((back.publishedAt as Date).toISOString()).toBe('2025-03-04T05:06:07.089Z')
    expect(back.views).toBeInstanceOf(Int32)
    expect(back.rating).toBeInstanceOf(Double) // a double 4.0 does not become an int
    expect(String(back.bytes)).toBe('9007199254740993') // beyond a JS number's precision
    expect(back.thumbnail).toBeInstanceOf(Binary)
    expect(Buffer.from((back.thumbnail as InstanceType<typeof Binary>).buffer)).toEqual(
      Buffer.from([0, 1, 2, 255]),
    )
    expect(back.title).toBe(original.title)
    // What the driver would send to the server is byte for byte what was read.
    expect(Buffer.from(BSON.serialize(back))).toEqual(Buffer.from(BSON.serialize(original)))
  })

  it('refuses a line that is not one whole document', () => {
    const line = toEjsonLine(sample())
    expect(() => fromEjsonLine(line.slice(0, line.length - 10))).toThrow()
    expect(() => fromEjsonLine('')).toThrow()
    expect(() => fromEjsonLine('[{"_id": 1}]')).toThrow('not a document')
    expect(() => fromEjsonLine('{"$date": {"$numberLong": "0"}}')).toThrow('not a document')
    expect(() => fromEjsonLine('{"$oid": "65a1b2c3d4e5f60718293a4b"}')).toThrow('not a document')
    expect(() => fromEjsonLine('{"title": "x"}')).toThrow('the document has no _id')
    expect(() => fromEjsonLine('{"_id": {"$oid": "not-hex"}}')).toThrow()
  })
})

describe('EJSON lines files', () => {
  const documents = Array.from({ length: 7 }, (_, index) => ({
    ...sample(),
    _id: new ObjectId(),
    order: new Int32(index),
  }))

  it('round-trips a collection through a file, streamed and in batches', async () => {
    const file = path.join(dir, 'posts.ejson')
    expect(await writeEjsonFile(file, documents)).toBe(7)
    const text = await readFile(file, 'utf8')
    expect(text.split('\n')).toHaveLength(8) // seven lines, each ending with a newline
    expect(text.endsWith('\n')).toBe(true)

    const read: Document[] = []
    for await (const document of readEjsonFile(file, 'mongodb/posts.ejson')) read.push(document)
    expect(read.map(toEjsonLine)).toEqual(documents.map(toEjsonLine))

    const sizes: number[] = []
    for await (const batch of readEjsonBatches(file, 'mongodb/posts.ejson', 3)) {
      sizes.push(batch.length)
    }
    expect(sizes).toEqual([3, 3, 1])
    expect(await countEjsonFile(file, 'mongodb/posts.ejson')).toBe(7)
  })

  it('writes an empty collection as an empty file', async () => {
    const file = path.join(dir, 'empty.ejson')
    expect(await writeEjsonFile(file, [])).toBe(0)
    expect(await readFile(file, 'utf8')).toBe('')
    expect(await countEjsonFile(file, 'mongodb/empty.ejson')).toBe(0)
  })

  it('names the file and line of a truncated document or a repeated _id', async () => {
    const lines = documents.map(toEjsonLine)
    const truncated = path.join(dir, 'truncated.ejson')
    await writeFile(truncated, `${lines[0]}\n${lines[1]}\n${lines[2]?.slice(0, 40)}`)
    await expect(countEjsonFile(truncated, 'mongodb/posts.ejson')).rejects.toThrow(
      /^mongodb\/posts\.ejson line 3: /,
    )

    const repeated = path.join(dir, 'repeated.ejson')
    await writeFile(repeated, `${lines[0]}\n${lines[1]}\n${lines[0]}\n`)
    await expect(countEjsonFile(repeated, 'mongodb/posts.ejson')).rejects.toThrow(
      `mongodb/posts.ejson line 3: the _id {"$oid":"${String(documents[0]?._id)}"} is repeated`,
    )

    const blank = path.join(dir, 'blank.ejson')
    await writeFile(blank, `${lines[0]}\n\n${lines[1]}\n`)
    await expect(countEjsonFile(blank, 'mongodb/posts.ejson')).rejects.toThrow(/line 2: /)
  })

  it('never overwrites an existing file', async () => {
    const file = path.join(dir, 'exists.ejson')
    await writeFile(file, 'keep me')
    await expect(writeEjsonFile(file, documents)).rejects.toThrow(/EEXIST/)
    expect(await readFile(file, 'utf8')).toBe('keep me')
  })
})
