import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { PostCard } from '@/components/PostCard'

const post = {
  title: 'Alluce valgo: quando operare',
  slug: 'alluce-valgo-quando-operare',
  excerpt: 'Come capire se è il momento dell’intervento.',
  publishedAt: '2026-03-05T10:00:00Z',
}

describe('PostCard', () => {
  it('renders the title as a level-2 heading linking to the post', () => {
    render(<PostCard post={post} />)
    const heading = screen.getByRole('heading', { level: 2, name: 'Alluce valgo: quando operare' })
    expect(
      within(heading).getByRole('link', { name: 'Alluce valgo: quando operare' }),
    ).toHaveAttribute('href', '/blog/alluce-valgo-quando-operare')
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull()
  })

  it('renders a level-3 heading when asked', () => {
    render(<PostCard post={post} headingLevel={3} />)
    expect(
      screen.getByRole('heading', { level: 3, name: 'Alluce valgo: quando operare' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull()
  })

  it('shows the Italian publication date and the excerpt', () => {
    const { container } = render(<PostCard post={post} />)
    const time = container.querySelector('.post-card__meta time')
    expect(time).toHaveAttribute('dateTime', '2026-03-05T10:00:00Z')
    expect(time?.textContent).toBe('5 marzo 2026')
    expect(container.querySelector('.post-card__excerpt')?.textContent).toBe(
      'Come capire se è il momento dell’intervento.',
    )
  })

  it('omits the excerpt and the date when missing', () => {
    const { container } = render(<PostCard post={{ ...post, excerpt: null, publishedAt: null }} />)
    expect(container.querySelector('.post-card__excerpt')).toBeNull()
    expect(container.querySelector('.post-card__meta')).toBeNull()
    expect(container.querySelector('time')).toBeNull()
    expect(container.querySelector('article')?.textContent).toBe('Alluce valgo: quando operare')
  })

  it('omits an invalid date', () => {
    const { container } = render(<PostCard post={{ ...post, publishedAt: 'domani' }} />)
    expect(container.querySelector('time')).toBeNull()
  })
})
