import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { mockNextImageInterop } from './next-image'

// Pin the environment getEnv() reads (MediaImage makes site URLs relative).
process.env.SITE_URL = 'http://localhost:3000'
process.env.PAYLOAD_SECRET = 'x'.repeat(32)

mockNextImageInterop()
const { CARD_IMAGE_SIZES, FEATURED_IMAGE_SIZES, PostCard } = await import('@/components/PostCard')

const hero = {
  id: 'm1',
  url: '/api/media/file/alluce-valgo-illustrazione.png',
  filename: 'alluce-valgo-illustrazione.png',
  alt: 'Illustrazione schematica di un piede con alluce valgo',
  width: 1600,
  height: 900,
  mimeType: 'image/png',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

const category = {
  id: 'c1',
  title: 'Alluce valgo',
  slug: 'alluce-valgo',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

const post = {
  title: 'Alluce valgo: quando operare',
  slug: 'alluce-valgo-quando-operare',
  excerpt: 'Come capire se è il momento dell’intervento.',
  publishedAt: '2026-03-05T10:00:00Z',
  heroImage: hero,
  categories: [category],
  readingMinutes: 7,
}

describe('PostCard with image, category and reading time', () => {
  it('shows the hero image lazily, sized, with its dimensions', () => {
    render(<PostCard post={post} />)
    const img = screen.getByRole('img', { name: hero.alt })
    expect(img).toHaveAttribute('width', '1600')
    expect(img).toHaveAttribute('height', '900')
    expect(img).toHaveAttribute('loading', 'lazy')
    expect(img).toHaveAttribute('sizes', CARD_IMAGE_SIZES)
    expect(img).not.toHaveAttribute('fetchpriority')
    expect(img.getAttribute('src')).toMatch(
      /^\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2Falluce-valgo-illustrazione\.png&w=\d+&q=75$/,
    )
    expect(img).toHaveClass('post-card__image')
  })

  it('shows the first category as a chip before the title', () => {
    const { container } = render(
      <PostCard
        post={{ ...post, categories: [category, { ...category, id: 'c2', title: 'Chirurgia' }] }}
      />,
    )
    const chip = container.querySelector('.chip')
    expect(chip?.textContent).toBe('Alluce valgo')
    expect(container.querySelectorAll('.chip')).toHaveLength(1)
    const heading = screen.getByRole('heading', { level: 2 })
    expect(chip?.compareDocumentPosition(heading)).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
  })

  it('shows date and reading time in one line, and links only the title', () => {
    const { container } = render(<PostCard post={post} />)
    expect(container.querySelector('.post-card__meta')?.textContent).toBe(
      '5 marzo 2026 · 7 minuti di lettura',
    )
    const links = screen.getAllByRole('link')
    expect(links).toHaveLength(1)
    expect(within(screen.getByRole('heading', { level: 2 })).getByRole('link')).toBe(links[0])
  })

  it('says "1 minuto" and shows the reading time without a date', () => {
    const { container } = render(
      <PostCard post={{ ...post, publishedAt: null, readingMinutes: 1 }} />,
    )
    expect(container.querySelector('.post-card__meta')?.textContent).toBe('1 minuto di lettura')
  })

  it('has no image or chip when the post has neither (unpopulated ids are ignored)', () => {
    const { container } = render(
      <PostCard post={{ ...post, heroImage: 'm1', categories: ['c1'] }} />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('.chip')).toBeNull()
  })
})

describe('the featured PostCard', () => {
  it('is wider, its image sized for it and still lazy', () => {
    const { container } = render(<PostCard post={post} headingLevel={3} featured />)
    expect(container.querySelector('article')).toHaveClass('post-card', 'post-card--featured')
    const img = screen.getByRole('img', { name: hero.alt })
    expect(img).toHaveAttribute('loading', 'lazy')
    expect(img).not.toHaveAttribute('fetchpriority')
    expect(img).toHaveAttribute('sizes', FEATURED_IMAGE_SIZES)
  })
})
