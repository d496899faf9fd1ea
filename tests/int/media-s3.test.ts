import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'
import { REST_GET } from '@payloadcms/next/routes'
import { buildConfig, type Config } from 'payload'

import { startS3Server, type S3TestServer } from '../support/s3-server'

import { createUser, TEST_PASSWORD } from './helpers/fixtures'
import { startForThisFile, startTestPayload, TestPayloadHandle } from './helpers/payload'
import { restClient, restLogin, type Rest } from './helpers/rest'

import type { Env } from '@/lib/env'
import { storagePlugins } from '@/lib/storage'
import type { Media } from '@/payload-types'
import { heroIllustration } from '@/seed/images'

/*
 * Media on an S3-compatible bucket (S3_BUCKET set): a real S3 server on loopback (s3rver, see
 * tests/support/s3-server.ts), a real Payload with its REST handlers. The original and every
 * generated size go to the bucket and nowhere else, Payload serves them at
 * /api/media/file/<name>, and deleting the document deletes the objects.
 */

let s3: S3TestServer
const ctx = new TestPayloadHandle(
  startForThisFile(async () => {
    s3 = await startS3Server()
    // Read by this file's own copy of lib/env.ts when startTestPayload imports the config.
    Object.assign(process.env, s3.env)
    const started = await startTestPayload()
    return {
      ...started,
      cleanup: async () => {
        await started.cleanup()
        await s3.stop()
      },
    }
  }),
)

let rest: Rest
let editorToken: string
let image: Awaited<ReturnType<typeof heroIllustration>>

beforeAll(async () => {
  rest = restClient(ctx.payload)
  await createUser(ctx.payload, 'redazione-s3@test.it', 'editor')
  editorToken = (await restLogin(rest, 'redazione-s3@test.it', TEST_PASSWORD)).token
  image = await heroIllustration()
}, 60_000)

/** GET /api/media/file/<name> through the REST route handler, as bytes. */
async function getFile(name: string) {
  const url = new URL(`/api/media/file/${encodeURIComponent(name)}`, ctx.payload.config.serverURL)
  const response = await REST_GET(ctx.payload.config)(new Request(url), {
    params: Promise.resolve({ slug: ['media', 'file', name] }),
  })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

async function upload(): Promise<Media> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(image.data)], { type: image.mimetype }), image.name)
  form.append('_payload', JSON.stringify({ alt: 'Disegno schematico dell’alluce valgo' }))
  const { status, body } = await rest('POST', '/media', { token: editorToken, form })
  expect(status).toBe(201)
  return body.doc as Media
}

/** The object keys a media document owns: its file and every generated size. */
const ownKeys = (doc: Media) =>
  [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
    .filter((name): name is string => typeof name === 'string')
    .sort()

describe('media on S3-compatible storage', () => {
  let doc: Media

  beforeAll(async () => {
    doc = await upload()
  })

  it('stores the upload and its four generated sizes in the bucket, and nothing on disk', async () => {
    expect(doc.filename).toBe(image.name)
    expect(Object.keys(doc.sizes ?? {}).sort()).toEqual(['card', 'hero', 'social', 'thumbnail'])
    const keys = ownKeys(doc)
    expect(keys).toHaveLength(5)
    expect(await s3.listKeys()).toEqual(keys)

    const original = await s3.getObject(image.name)
    expect(original.contentType).toBe('image/png')
    expect(original.bytes.equals(image.data)).toBe(true)
    expect((await s3.getObject(doc.sizes!.thumbnail!.filename!)).contentType).toBe('image/webp')
    expect((await s3.getObject(doc.sizes!.social!.filename!)).contentType).toBe('image/jpeg')

    const mediaDir = path.join(ctx.dir, 'media')
    expect(existsSync(mediaDir) ? await readdir(mediaDir) : []).toEqual([])
  })

  it('keeps the public URLs on /api/media/file/ (access control and next/image still apply)', () => {
    const base = `${ctx.payload.config.serverURL}/api/media/file/`
    expect(doc.url).toBe(`${base}${image.name}`)
    expect(doc.sizes?.card?.url).toBe(`${base}${doc.sizes?.card?.filename}`)
  })

  it('serves the original and each size from the bucket at /api/media/file/<name>', async () => {
    const original = await getFile(image.name)
    expect(original.status).toBe(200)
    expect(original.contentType).toBe('image/png')
    expect(original.bytes.equals(image.data)).toBe(true)

    const card = doc.sizes!.card!.filename!
    const served = await getFile(card)
    expect(served.status).toBe(200)
    expect(served.contentType).toBe('image/webp')
    expect(served.bytes.equals((await s3.getObject(card)).bytes)).toBe(true)

    expect((await getFile('mai-caricato.png')).status).toBe(404)
  })

  it('deletes the file and every size from the bucket with the document', async () => {
    const other = await upload()
    const otherKeys = ownKeys(other)
    expect(otherKeys).toHaveLength(5)
    // Same name as the first upload: Payload renames it, so neither overwrites the other.
    expect(otherKeys.some((key) => ownKeys(doc).includes(key))).toBe(false)

    const { status } = await rest('DELETE', `/media/${other.id}`, { token: editorToken })
    expect(status).toBe(200)
    expect(await s3.listKeys()).toEqual(ownKeys(doc))
    expect((await getFile(other.filename!)).status).toBe(404)
  })
})

/** `npm run --silent <script> -- <args>` with this file's environment (S3_* included). */
function runScript(script: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('backup and restore with media in S3', () => {
  it('say that the bucket’s media are not in the archive', async () => {
    const out = path.join(ctx.dir, 'backups')
    const backup = await runScript('backup', ['--out', out])
    expect(backup.code).toBe(0)
    expect(backup.stderr).toContain(
      `Media: NOT in this archive. They are in the S3 bucket "${s3.bucket}" (S3_BUCKET)`,
    )
    const [archive] = await readdir(out)

    // Without --yes a restore only verifies the archive; it says the bucket is left as it is.
    const restore = await runScript('restore', [path.join(out, archive!)])
    expect(restore.code).toBe(2)
    expect(restore.stdout).toContain('Archive verified')
    expect(restore.stderr).toContain(`a restore does not change the S3 bucket "${s3.bucket}"`)
  }, 120_000)
})

describe('storagePlugins', () => {
  const s3Env: Pick<Env, 's3'> = {
    s3: {
      bucket: 'clinica-media',
      region: 'eu-south-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    },
  }
  const mediaOf = async (env: Pick<Env, 's3'>) => {
    const config: Config = {
      secret: 'storage-plugins-test-secret',
      db: ctx.payload.config.db,
      collections: [
        {
          slug: 'media',
          fields: [{ name: 'alt', type: 'text' }],
          upload: { staticDir: '/srv/media', imageSizes: [{ name: 'thumbnail', width: 400 }] },
        },
      ],
      plugins: storagePlugins(env),
    }
    const built = await buildConfig(config)
    return built.collections.find((collection) => collection.slug === 'media')!
  }

  it('keeps local disk without a bucket, with the same database fields as with one', async () => {
    const local = await mediaOf({ s3: undefined })
    const remote = await mediaOf(s3Env)
    expect(local.upload.staticDir).toBe('/srv/media')
    expect(local.upload.disableLocalStorage).toBeFalsy()
    expect(remote.upload.disableLocalStorage).toBe(true)
    const names = (fields: typeof local.fields) =>
      fields.flatMap((field) => ('name' in field ? [field.name] : [])).sort()
    expect(names(local.fields)).toEqual(names(remote.fields))
    expect(names(local.fields)).toEqual(expect.arrayContaining(['prefix', '_objectKey']))
  })
})
