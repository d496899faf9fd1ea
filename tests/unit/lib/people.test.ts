import { describe, expect, it } from '@jest/globals'
import type { Author } from '@/payload-types'
import { displayName, populated } from '@/lib/people'

describe('displayName', () => {
  it.each([
    [{ honorific: 'Dott.', name: 'Marco Ferri' }, 'Dott. Marco Ferri'],
    [{ honorific: ' Dott.ssa ', name: '  Giulia Neri ' }, 'Dott.ssa Giulia Neri'],
    [{ honorific: null, name: 'Marco Ferri' }, 'Marco Ferri'],
    [{ honorific: '', name: 'Marco Ferri' }, 'Marco Ferri'],
    [{ honorific: '   ', name: 'Marco Ferri' }, 'Marco Ferri'],
    [{ name: 'Marco Ferri' }, 'Marco Ferri'],
  ])('renders %j as %j', (person, expected) => {
    expect(displayName(person)).toBe(expected)
  })
})

describe('populated', () => {
  const author: Author = {
    id: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
    name: 'Marco Ferri',
    slug: 'marco-ferri',
    updatedAt: '2026-01-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
  }

  it('returns a populated document as is', () => {
    expect(populated(author)).toBe(author)
  })

  it.each([[author.id], ['665f1c2e8b3a4d0012345678'], [null], [undefined]])(
    'returns null for the unpopulated value %j',
    (value) => {
      expect(populated<Author>(value)).toBeNull()
    },
  )
})
