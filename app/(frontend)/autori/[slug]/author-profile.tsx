import { MediaImage } from '@/components/MediaImage'
import type { Author, Media } from '@/payload-types'
import { displayName, populated } from '@/lib/people'
import { safeHref } from '@/lib/richtext/safe-url'

/** A doctor's profile: photo, name, specialty, Ordine registration, credentials, bio, links. */
export function AuthorProfile({ author }: { author: Author }) {
  const photo = populated<Media>(author.photo)
  const links = (author.profileLinks ?? [])
    .map((link) => ({ ...link, href: safeHref(link.url) }))
    .filter((link) => link.href?.startsWith('http'))
  return (
    <>
      <div className="profile">
        {photo ? <MediaImage media={photo} sizes="10rem" className="profile__photo" /> : null}
        <div>
          <h1>{displayName(author)}</h1>
          {author.specialty ? <p className="lead">{author.specialty}</p> : null}
          {author.ordineProvince && author.ordineNumber ? (
            <p>
              Iscritto all’Ordine dei Medici Chirurghi e degli Odontoiatri di{' '}
              {author.ordineProvince}, n. {author.ordineNumber}
            </p>
          ) : null}
        </div>
      </div>
      {author.credentials ? (
        <section aria-labelledby="titoli">
          <h2 id="titoli">Titoli e qualifiche</h2>
          <ul>
            {author.credentials
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => (
                <li key={line}>{line}</li>
              ))}
          </ul>
        </section>
      ) : null}
      {author.bio ? (
        <section aria-labelledby="biografia">
          <h2 id="biografia">Biografia</h2>
          <p>{author.bio}</p>
        </section>
      ) : null}
      {links.length > 0 ? (
        <section aria-labelledby="profili">
          <h2 id="profili">Profili</h2>
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href!} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
