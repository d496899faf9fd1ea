import type { Post } from '@/payload-types'

/** Frequently asked questions as native disclosure widgets: accessible with no JavaScript. */
export function Faq({ items }: { items: Post['faq'] }) {
  if (!items?.length) return null
  return (
    <section aria-labelledby="faq-titolo" className="faq">
      <h2 id="faq-titolo">Domande frequenti</h2>
      {items.map((item, index) => (
        <details key={item.id ?? index}>
          <summary>{item.question}</summary>
          <p>{item.answer}</p>
        </details>
      ))}
    </section>
  )
}
