import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { Env } from '../env'

/**
 * The upload collections whose files go to the bucket when one is configured. An empty prefix
 * (objects at the bucket's root) rather than none: Payload 3.90 adds the `prefix` field only
 * when a prefix is given once the plugin is enabled, and the schema must not depend on S3.
 */
const S3_COLLECTIONS = { media: { prefix: '' } }

/**
 * Where uploaded files live, chosen by the environment in this one place: the S3-compatible
 * bucket of `S3_BUCKET` (shared by every instance), or the local folder `MEDIA_DIR` (the
 * collection's `staticDir`) when no bucket is set.
 *
 * - Files are still served by Payload at `/api/media/file/<name>` (no
 *   `disablePayloadAccessControl`): the collection's read access applies, `next/image` optimises
 *   them as local images (`images.localPatterns` in next.config.ts), and the bucket stays private
 *   and need not be reachable from browsers.
 * - No `signedDownloads`: a redirect to a presigned bucket URL would send browsers and next/image
 *   to the storage host instead of this site.
 * - The original and every generated size are stored as objects named by their filename at the
 *   bucket's root, so moving from disk to S3 is a plain copy of the media folder into the bucket.
 * - The plugin is always installed, disabled without a bucket, with `alwaysInsertFields`: the
 *   storage fields (`prefix`, `_objectKey`) exist in both modes, so one set of migrations fits.
 */
export function storagePlugins(env: Pick<Env, 's3'>): Plugin[] {
  const { s3 } = env
  return [
    s3Storage({
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      collections: S3_COLLECTIONS,
      bucket: s3?.bucket ?? '',
      config: s3
        ? {
            endpoint: s3.endpoint,
            region: s3.region,
            forcePathStyle: s3.forcePathStyle,
            credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
            // The SDK's default streaming checksums (aws-chunked trailers) are AWS-only: several
            // S3-compatible servers store them as part of the object. Checksums only where required.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }
        : {},
    }),
  ]
}
