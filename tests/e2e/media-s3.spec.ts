import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'

import { expect, test } from '@playwright/test'

import { portraitPlaceholder } from '@/seed/images'

import { startS3Server, type S3TestServer } from '../support/s3-server'

import { appEnvironment, type AppEnvironment } from './helpers/app'
import { adminHeaders } from './helpers/rest'
import { runScript, startOwnServer, type OwnServer } from './resilience/own-server'

/**
 * Two production servers (the shared e2e build) behind one SQLite database and one S3-compatible
 * bucket (s3rver on loopback), as two instances behind a load balancer: an image uploaded through
 * one is served by the other, directly and through next/image. With media on each instance's
 * disk it would be a 404 there.
 */

const BUCKET = 'clinica-media-e2e'
const SEEDED_IMAGE = 'alluce-valgo-illustrazione.png'

let s3: S3TestServer
let envA: AppEnvironment
let envB: AppEnvironment
const servers: OwnServer[] = []

/** Instance `own`'s environment, on the database of A and the test bucket. */
const sharing = (own: AppEnvironment): AppEnvironment => ({
  ...own,
  env: { ...own.env, DATABASE_URI: envA.env.DATABASE_URI, ...s3.env },
})

test.beforeAll(async () => {
  test.setTimeout(240_000)
  s3 = await startS3Server(BUCKET)
  envA = await appEnvironment('clinica-s3-a-', 'shared.db')
  envB = await appEnvironment('clinica-s3-b-', 'unused.db')
  envA = sharing(envA)
  envB = sharing(envB)
  // The seed uploads its images with the S3 settings: they go to the bucket.
  await runScript('migrate', envA.env)
  await runScript('seed', envA.env)
  servers.push(await startOwnServer(envA))
  servers.push(await startOwnServer(envB))
})

test.afterAll(async () => {
  test.setTimeout(60_000)
  for (const server of servers) await server.stop().catch(() => server.crash())
  await s3?.stop()
  await Promise.all(
    [envA, envB].filter(Boolean).map(({ dir }) => rm(dir, { recursive: true, force: true })),
  )
})

async function fetchBytes(url: string, headers?: Record<string, string>) {
  const response = await fetch(url, { headers })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

test.describe('media on S3 shared by two instances', () => {
  test('puts the seed’s images in the bucket, and the other instance serves them', async () => {
    expect(await s3.listKeys()).toEqual(expect.arrayContaining([SEEDED_IMAGE]))
    const served = await fetchBytes(`${envB.baseUrl}/api/media/file/${SEEDED_IMAGE}`)
    expect(served.status).toBe(200)
    expect(served.contentType).toBe('image/png')
    expect(served.bytes.equals((await s3.getObject(SEEDED_IMAGE)).bytes)).toBe(true)
  })

  test('serves an image uploaded through A from B, directly and through next/image', async () => {
    const image = { ...(await portraitPlaceholder()), name: 'caricata-su-a.png' }
    // The JWT header only: the browser-style multipart body sets its own Content-Type.
    const { Authorization: authorization = '' } = await adminHeaders(envA.baseUrl)
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(image.data)], { type: image.mimetype }),
      image.name,
    )
    form.append('_payload', JSON.stringify({ alt: 'Ritratto caricato su un’istanza' }))
    const created = await fetch(`${envA.baseUrl}/api/media`, {
      method: 'POST',
      headers: { Authorization: authorization },
      body: form,
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { filename: string; url: string } }
    expect(doc.filename).toBe(image.name)
    expect(doc.url).toBe(`${envA.baseUrl}/api/media/file/${image.name}`)
    expect(await s3.listKeys()).toEqual(expect.arrayContaining([image.name]))
    // Not on A's disk: B can only have it from the bucket.
    const mediaA = envA.env.MEDIA_DIR!
    expect(existsSync(mediaA) ? await readdir(mediaA) : []).toEqual([])

    const direct = await fetchBytes(`${envB.baseUrl}/api/media/file/${image.name}`)
    expect(direct.status).toBe(200)
    expect(direct.contentType).toBe('image/png')
    expect(direct.bytes.equals(image.data)).toBe(true)

    const optimised = await fetchBytes(
      `${envB.baseUrl}/_next/image?url=${encodeURIComponent(`/api/media/file/${image.name}`)}&w=640&q=75`,
      { Accept: 'image/avif,image/webp,image/*' },
    )
    expect(optimised.status).toBe(200)
    expect(optimised.contentType).toMatch(/^image\/(avif|webp)$/)
    expect(optimised.bytes.length).toBeGreaterThan(0)
  })
})
