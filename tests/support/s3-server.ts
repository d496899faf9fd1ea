import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

/**
 * A real S3-compatible HTTP server on loopback (s3rver: the S3 REST API over a folder), for
 * tests of media storage: the app talks to it with the AWS SDK exactly as it would to a bucket.
 * s3rver knows one key pair, S3RVER/S3RVER, and refuses any other key id; it does not verify
 * SigV4 signatures themselves.
 */

const ACCESS_KEY = 'S3RVER'
const SECRET_KEY = 'S3RVER'

export type S3TestServer = {
  endpoint: string
  bucket: string
  /** The S3_* variables that point the app at this server and bucket. */
  env: Record<string, string>
  /** The bucket's object keys, sorted. */
  listKeys: () => Promise<string[]>
  /** One object's bytes and content type. */
  getObject: (key: string) => Promise<{ bytes: Buffer; contentType: string | undefined }>
  stop: () => Promise<void>
}

export async function startS3Server(bucket = 'clinica-media-test'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), 'clinica-s3-'))
  // Port 0: the system picks a free one, no race with other test runs.
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: ACCESS_KEY,
    S3_SECRET_ACCESS_KEY: SECRET_KEY,
    S3_FORCE_PATH_STYLE: 'true',
  }
  const client = new S3({
    endpoint,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
  })

  return {
    endpoint,
    bucket,
    env,
    listKeys: async () => {
      const keys: string[] = []
      let token: string | undefined
      do {
        const page = await client.listObjectsV2({ Bucket: bucket, ContinuationToken: token })
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
        token = page.NextContinuationToken
      } while (token)
      return keys.sort()
    },
    getObject: async (key) => {
      const object = await client.getObject({ Bucket: bucket, Key: key })
      const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? [])
      return { bytes, contentType: object.ContentType }
    },
    stop: async () => {
      client.destroy()
      // close() waits for every open connection; a client that keeps one alive (a killed app's
      // half-open socket, a keep-alive pool) must not hold the test's clean-up.
      const closed = server.close()
      const http = (server as unknown as { httpServer?: Server }).httpServer
      const timer = setTimeout(() => http?.closeAllConnections(), 2_000)
      await closed
      clearTimeout(timer)
      await rm(directory, { recursive: true, force: true })
    },
  }
}
