import Link from 'next/link'

import type { Author } from '@/payload-types'
import { formatDateIt } from '@/lib/dates'
import { authorPath } from '@/lib/paths'
import { displayName } from '@/lib/people'

type BylineProps = {
  author: Author | null
  reviewer: Author | null
  lastReviewedAt?: string | null
  publishedAt?: string | null
  updatedAt?: string | null
  readingTime?: string
}

const PersonLink = ({ person }: { person: Author }) => (
  <Link href={authorPath(person.slug)}>
    <strong>{displayName(person)}</strong>
  </Link>
)

/** Who wrote the article, who checked it medically and when: the trust signals patients look for. */
export function Byline({
  author,
  reviewer,
  lastReviewedAt,
  publishedAt,
  updatedAt,
  readingTime,
}: BylineProps) {
  const published = formatDateIt(publishedAt)
  const updated = formatDateIt(updatedAt)
  const reviewed = formatDateIt(lastReviewedAt)
  const showUpdated = Boolean(updated && updatedAt && updated !== published)
  const dates = [
    published && publishedAt ? (
      <span key="published">
        Pubblicato il <time dateTime={publishedAt}>{published}</time>
      </span>
    ) : null,
    showUpdated && updatedAt ? (
      <span key="updated">
        Aggiornato il <time dateTime={updatedAt}>{updated}</time>
      </span>
    ) : null,
    readingTime ? <span key="reading">{readingTime}</span> : null,
  ].filter(Boolean)

  return (
    <div className="byline">
      {author ? (
        <p className="byline__author">
          Di <PersonLink person={author} />
          {author.specialty ? `, ${author.specialty}` : null}
        </p>
      ) : null}
      {reviewer ? (
        <p className="byline__review">
          Revisione medica: <PersonLink person={reviewer} />
          {reviewed && lastReviewedAt ? (
            <>
              {' '}
              il <time dateTime={lastReviewedAt}>{reviewed}</time>
            </>
          ) : null}
        </p>
      ) : null}
      {dates.length > 0 ? (
        <p className="byline__dates">
          {dates.flatMap((item, index) => (index === 0 ? [item] : [' · ', item]))}
        </p>
      ) : null}
    </div>
  )
}
