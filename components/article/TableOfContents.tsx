import type { TocEntry } from '@/lib/article/toc'

/** "In questo articolo": links to the article's h2/h3 anchors (rendered only with 2+ entries). */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 2) return null
  return (
    <nav aria-labelledby="indice-titolo" className="toc">
      <h2 id="indice-titolo" className="toc__title">
        In questo articolo
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.level === 3 ? 'toc__sub' : undefined}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
