import { describe, expect, it } from '@jest/globals'
import { render } from '@testing-library/react'

import { Snippet } from '@/components/search/Snippet'
import { buildSnippet } from '@/lib/search/snippet'

describe('Snippet', () => {
  it('wraps exactly the matches in <mark>', () => {
    const { container } = render(
      <Snippet
        className="snippet"
        segments={buildSnippet('Il grado di invasività si è ridotto: l’invasività è minima.', [
          'invasivita',
        ])}
      />,
    )
    const paragraph = container.querySelector('p.snippet')
    expect(paragraph?.textContent).toBe(
      'Il grado di invasività si è ridotto: l’invasività è minima.',
    )
    expect(Array.from(container.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual([
      'invasività',
      'invasività',
    ])
    expect(paragraph?.innerHTML).toBe(
      'Il grado di <mark>invasività</mark> si è ridotto: l’<mark>invasività</mark> è minima.',
    )
  })

  it('renders markup in the text as text, never as HTML', () => {
    const text = 'Prima <script>alert("alluce")</script> <b>alluce</b> <img src=x onerror=alert(1)>'
    const { container } = render(<Snippet segments={buildSnippet(text, ['alluce'])} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toBe(text)
    expect(Array.from(container.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual([
      'alluce',
      'alluce',
    ])
    expect(container.innerHTML).toContain(
      '&lt;script&gt;alert("<mark>alluce</mark>")&lt;/script&gt;',
    )
  })

  it('escapes markup inside a highlighted segment too', () => {
    const { container } = render(
      <Snippet
        segments={[
          { text: '<em>x</em>', match: true },
          { text: ' fine', match: false },
        ]}
      />,
    )
    expect(container.querySelector('em')).toBeNull()
    expect(container.querySelector('mark')?.textContent).toBe('<em>x</em>')
  })

  it('renders nothing without segments', () => {
    const { container } = render(<Snippet segments={[]} />)
    expect(container.innerHTML).toBe('')
  })
})
