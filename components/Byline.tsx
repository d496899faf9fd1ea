import type { Author } from '@/payload-types'
import { formatDateIt } from '@/lib/dates'
import { displayName } from '@/lib/people'

type BylineProps = {
  author: Author | null
  reviewer: Author | null
  lastReviewedAt?: string | null
  publishedAt?: string | null
  updatedAt?: string | null
}

/** Who wrote the article, who checked it medically and when: the trust signals patients look for. */
export function Byline({ author, reviewer, lastReviewedAt, publishedAt, updatedAt }: BylineProps) {
  const published = formatDateIt(publishedAt)
  const updated = formatDateIt(updatedAt)
  const reviewed = formatDateIt(lastReviewedAt)
  return (
    <div className="byline">
      {author ? (
        <p className="byline__author">
          Di <strong>{displayName(author)}</strong>
          {author.specialty ? `, ${author.specialty}` : null}
        </p>
      ) : null}
      {reviewer ? (
        <p className="byline__review">
          Revisione medica: <strong>{displayName(reviewer)}</strong>
          {reviewed && lastReviewedAt ? (
            <>
              {' '}
              il <time dateTime={lastReviewedAt}>{reviewed}</time>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="byline__dates">
        {published && publishedAt ? (
          <>
            Pubblicato il <time dateTime={publishedAt}>{published}</time>
          </>
        ) : null}
        {updated && updatedAt && updated !== published ? (
          <>
            {published ? ' · ' : null}Aggiornato il <time dateTime={updatedAt}>{updated}</time>
          </>
        ) : null}
      </p>
    </div>
  )
}
