import { jest } from '@jest/globals'
import * as nextImage from 'next/image'

/**
 * `next/image` is CommonJS. Next's bundler unwraps its `default` export, but under Jest's native
 * ESM the default import is the whole `module.exports` object, which React cannot render.
 * This registers an ESM mock whose default export is the real next/image component (not a fake).
 * Call it before dynamically importing any component that renders next/image.
 */
export function mockNextImageInterop() {
  const exported = nextImage.default as unknown as { default?: typeof nextImage.default }
  const Image = exported.default ?? nextImage.default
  jest.unstable_mockModule('next/image', () => ({ ...nextImage, default: Image }))
}
