import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { mockNextImageInterop } from './next-image'

// Pin the environment getEnv() reads, so the test does not depend on the shell running it
// (and does not touch the development secret file).
process.env.SITE_URL = 'http://localhost:3000'
process.env.PAYLOAD_SECRET = 'x'.repeat(32)

mockNextImageInterop()
const { MediaImage } = await import('@/components/MediaImage')

const media = {
  url: 'http://localhost:3000/api/media/file/a.png',
  alt: 'Piede piatto, vista laterale',
  width: 1200,
  height: 800,
  mimeType: 'image/png',
}

describe('MediaImage', () => {
  it('renders the alt text and explicit dimensions', () => {
    render(<MediaImage media={media} sizes="100vw" />)
    const img = screen.getByRole('img', { name: 'Piede piatto, vista laterale' })
    expect(img).toHaveAttribute('width', '1200')
    expect(img).toHaveAttribute('height', '800')
    expect(img).toHaveAttribute('sizes', '100vw')
  })

  it('makes URLs under the site origin site-relative for the image optimizer', () => {
    render(<MediaImage media={media} sizes="100vw" />)
    const src = screen.getByRole('img').getAttribute('src') ?? ''
    expect(src.startsWith('/_next/image?url=%2Fapi%2Fmedia%2Ffile%2Fa.png&')).toBe(true)
    expect(src).not.toContain('localhost')
    expect(screen.getByRole('img').getAttribute('srcset')).not.toContain('localhost')
  })

  it('keeps site-relative URLs as they are', () => {
    render(<MediaImage media={{ ...media, url: '/api/media/file/b.jpg' }} sizes="100vw" />)
    expect(
      screen
        .getByRole('img')
        .getAttribute('src')
        ?.startsWith('/_next/image?url=%2Fapi%2Fmedia%2Ffile%2Fb.jpg&'),
    ).toBe(true)
  })

  it('uses an empty alt for images without alt text', () => {
    const { container } = render(
      <MediaImage media={{ ...media, alt: null as unknown as string }} sizes="100vw" />,
    )
    expect(container.querySelector('img')).toHaveAttribute('alt', '')
  })

  it('is lazy by default and high priority when preloaded', () => {
    const lazy = render(<MediaImage media={media} sizes="100vw" className="hero" />).container
    const lazyImg = lazy.querySelector('img')
    expect(lazyImg).toHaveAttribute('loading', 'lazy')
    expect(lazyImg).toHaveAttribute('class', 'hero')
    expect(lazyImg).not.toHaveAttribute('fetchpriority')

    const eager = render(<MediaImage media={media} sizes="100vw" preload />).container
    const eagerImg = eager.querySelector('img')
    expect(eagerImg).toHaveAttribute('fetchpriority', 'high')
    expect(eagerImg).not.toHaveAttribute('loading', 'lazy')
  })

  it.each([
    ['url', { url: null }],
    ['url (empty)', { url: '' }],
    ['width', { width: null }],
    ['height', { height: undefined }],
    ['width (zero)', { width: 0 }],
  ])('renders nothing without %s', (_label, missing) => {
    const { container } = render(<MediaImage media={{ ...media, ...missing }} sizes="100vw" />)
    expect(container.innerHTML).toBe('')
  })
})
