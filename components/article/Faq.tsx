import type { Post } from '@/payload-types'

/**
 * Frequently asked questions as native disclosure widgets: accessible with no JavaScript.
 *
 * Closed <details> cannot be opened by a print stylesheet, and patients print these pages
 * (post-operative instructions). So the questions and answers are also rendered once as a
 * plain list that only print shows (`display: none` on screen hides it from assistive
 * technology too, so nothing is read twice).
 */
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
      <dl className="faq__print">
        {items.map((item, index) => (
          <div key={item.id ?? index}>
            <dt>{item.question}</dt>
            <dd>{item.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
